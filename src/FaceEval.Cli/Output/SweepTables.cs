using System.Globalization;
using FaceEval.Core.Metrics;
using FaceEval.Core.Sweeps;
using Spectre.Console;

namespace FaceEval.Cli.Output;

/// <summary>Prints a sweep as a table (swept parameters, the objective and the metrics people read first) and names the best row.</summary>
internal static class SweepTables
{
    private static readonly string[] Shown = ["ari", "pairwise_precision", "pairwise_recall", "bcubed_f1", "sibling_confusion", "clusters", "unassigned_rate", "largest_cluster_share"];

    public static void Print(SweepResult result)
    {
        var objective = result.Objective.JsonName();
        var metrics = new[] { objective }.Concat(Shown.Where(s => s != objective)).Select(MetricKeys.Parse).ToArray();
        var table = new Table()
            .Title(Markup.Escape($"{result.Algorithm} on {result.Model}, snapshot {result.SnapshotId}"));
        foreach (var axis in result.Axes)
        {
            table.AddColumn(new TableColumn(Markup.Escape(axis.Parameter)).RightAligned());
        }

        foreach (var key in metrics)
        {
            table.AddColumn(new TableColumn(Markup.Escape(key.JsonName())).RightAligned());
        }

        table.AddColumn(new TableColumn("s").RightAligned());
        for (var i = 0; i < result.Rows.Count; i++)
        {
            var row = result.Rows[i];
            var cells = result.Axes.Select(a => row.Parameters.Text(a.Parameter))
                .Concat(metrics.Select(k => MetricTables.Format(row.Metrics.Get(k))))
                .Append(row.Seconds.ToString("0.00", CultureInfo.InvariantCulture))
                .Select(Markup.Escape);
            var style = i == result.BestIndex ? "bold green" : row.SatisfiesConstraints ? null : "grey";
            table.AddRow(cells.Select(c => style is null ? c : $"[{style}]{c}[/]").Select(c => new Markup(c)));
        }

        Terminal.Out.Write(table);
        var constraints = result.Constraints.Count == 0 ? "" : $" subject to {string.Join(", ", result.Constraints)}";
        if (result.Best is { } best)
        {
            var setting = string.Join(" ", result.Axes.Select(a => $"{a.Parameter}={best.Parameters.Text(a.Parameter)}"));
            Console.WriteLine($"best: {setting} ({objective} {MetricTables.Format(best.Metrics.Get(result.Objective))}{constraints})");
        }
        else
        {
            Console.WriteLine($"best: none of {result.Rows.Count} settings satisfies{constraints}");
        }
    }
}
