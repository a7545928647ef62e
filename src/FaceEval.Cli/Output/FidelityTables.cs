using System.Globalization;
using FaceEval.Core.Algorithms;
using FaceEval.Core.Fidelity;
using Spectre.Console;

namespace FaceEval.Cli.Output;

/// <summary>Prints `faceeval fidelity`: one row per setting, as a console table or as markdown (the README's fidelity table).</summary>
internal static class FidelityTables
{
    private static readonly string[] Headers = ["algorithm", "setting", "graph", "ari to full", "identical", "moved", "ari full", "ari graph", "warned", "full s", "graph s"];

    public static void Print(FidelityResult result)
    {
        var table = new Table().Title(Markup.Escape(Title(result)));
        foreach (var header in Headers)
        {
            table.AddColumn(new TableColumn(Markup.Escape(header)).RightAligned());
        }

        foreach (var row in result.Rows)
        {
            var style = row.ClaimsExact && !row.Agreement.Identical ? "bold red" : null;
            table.AddRow(Cells(row).Select(Markup.Escape).Select(c => new Markup(style is null ? c : $"[{style}]{c}[/]")));
        }

        Terminal.Out.Write(table);
        foreach (var row in result.Rows.Where(r => !r.ClaimsExact))
        {
            foreach (var warning in row.Warnings)
            {
                Console.WriteLine($"warned: {row.Parameters.Algorithm} {row.Parameters}: {warning}");
            }
        }
    }

    public static void PrintMarkdown(FidelityResult result)
    {
        Console.WriteLine($"{Title(result)}\n");
        Console.WriteLine($"| {string.Join(" | ", Headers)} |");
        Console.WriteLine($"|{string.Join("|", Headers.Select((_, i) => i < 3 ? "---" : "---:"))}|");
        foreach (var row in result.Rows)
        {
            Console.WriteLine($"| {string.Join(" | ", Cells(row).Select(c => c.Replace("|", "\\|", StringComparison.Ordinal)))} |");
        }
    }

    private static string Title(FidelityResult result) =>
        string.Create(CultureInfo.InvariantCulture, $"graph form against the full matrix: {result.Model}, snapshot {result.SnapshotId}, {result.Faces:N0} faces");

    private static IEnumerable<string> Cells(FidelityRow row) =>
    [
        row.Parameters.Algorithm,
        Changed(row.Parameters),
        row.Neighbors.ToString(),
        Number(row.Agreement.Ari, "0.0000"),
        row.Agreement.Identical ? "yes" : "no",
        row.Agreement.Moved.ToString("N0", CultureInfo.InvariantCulture),
        MetricTables.Format(row.FullAri),
        MetricTables.Format(row.GraphAri),
        row.ClaimsExact ? "no" : "yes",
        Number(row.FullSeconds, "0.00"),
        Number(row.GraphSeconds, "0.00"),
    ];

    /// <summary>The setting as what differs from the algorithm's defaults: gated has sixteen parameters.</summary>
    private static string Changed(ParameterSet parameters)
    {
        var defaults = AlgorithmCatalog.Get(AlgorithmNames.Parse(parameters.Algorithm)).Parameters.ToDictionary(p => p.Name, p => p.Default, StringComparer.Ordinal);
        var changed = parameters.Values.Where(kv => defaults[kv.Key] != kv.Value).Select(kv => $"{kv.Key}={kv.Value}").ToArray();
        return changed.Length == 0 ? "defaults" : string.Join(" ", changed);
    }

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
