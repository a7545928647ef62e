using System.Globalization;
using FaceEval.Core.Metrics;
using Spectre.Console;

namespace FaceEval.Cli.Output;

/// <summary>Prints a metric report as a two-column table.</summary>
internal static class MetricTables
{
    public static void Print(MetricReport report, string title)
    {
        var table = new Table().Title(Markup.Escape(title)).AddColumn("metric").AddColumn(new TableColumn("value").RightAligned());
        foreach (var key in MetricKeys.All)
        {
            table.AddRow(key.JsonName(), Format(report.Get(key)));
        }

        Terminal.Out.Write(table);
    }

    public static string Format(double? value) => value switch
    {
        null => "null",
        { } v when v == Math.Floor(v) && Math.Abs(v) < 1e12 => v.ToString("0", CultureInfo.InvariantCulture),
        { } v => v.ToString("0.0000", CultureInfo.InvariantCulture),
    };
}
