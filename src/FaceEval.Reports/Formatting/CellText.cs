using System.Globalization;

namespace FaceEval.Reports.Formatting;

/// <summary>How a table cell prints: exactly (CSV, the page's data-value) and for reading (the page).</summary>
internal static class CellText
{
    public static string Raw(object? cell) => cell switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    public static string Display(object? cell) => cell switch
    {
        null => "–",
        double d when Math.Abs(d) >= 1e6 => d.ToString("0.###e+0", CultureInfo.InvariantCulture),
        double d => d.ToString("0.####", CultureInfo.InvariantCulture),
        _ => Raw(cell),
    };

    public static bool IsNumber(object? cell) => cell is double or float or int or long;
}
