using FaceEval.Core.Gates;
using FaceEval.Core.Metrics;
using Spectre.Console;

namespace FaceEval.Cli.Output;

/// <summary>The gate table: suite, metric, baseline, now, delta, rule, verdict; changed settings in the header.</summary>
internal static class GateTables
{
    public static void Print(GateResult result)
    {
        foreach (var suite in result.Suites)
        {
            var changes = suite.ChangesFromBaseline();
            var header = $"{suite.Suite.Name}: {suite.Suite.Run.Model}, snapshot {suite.SnapshotId}"
                + (suite.Baseline is null ? ", no baseline" : changes.Count == 0 ? ", same setting as baseline" : $", against baseline: {string.Join("; ", changes)}");
            var table = new Table().Title(Markup.Escape(header))
                .AddColumns("suite", "metric", "baseline", "now", "delta", "rule", "verdict");
            foreach (var check in suite.Checks)
            {
                table.AddRow(
                    Markup.Escape(suite.Suite.Name),
                    check.Metric.JsonName(),
                    MetricTables.Format(check.Baseline),
                    MetricTables.Format(check.Now),
                    check.Delta is { } d ? d.ToString("+0.0000;-0.0000;0", System.Globalization.CultureInfo.InvariantCulture) : "",
                    Markup.Escape(check.Rule.ToString()),
                    check.Passed ? "[green]pass[/]" : "[red]FAIL[/]");
            }

            Terminal.Out.Write(table);
        }

        Console.WriteLine(result.Passed ? "gate: all rules pass" : $"gate: {result.Failures.Count()} rule(s) failed");
    }
}
