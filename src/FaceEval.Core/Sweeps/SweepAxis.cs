using System.Globalization;
using FaceEval.Core.Errors;

namespace FaceEval.Core.Sweeps;

/// <summary>One swept parameter and the values it takes, in order.</summary>
public sealed record SweepAxis(string Parameter, IReadOnlyList<string> Values)
{
    public const int MaxValues = 10_000;

    /// <summary>
    /// from, from + step, ..., to: each value is the exact decimal from + k * step, printed without trailing
    /// zeros (0.22, never 0.22000000000000003). Decimal arithmetic, not double, so the text a sweep prints,
    /// the number a setting parses and anything derived from the grid are one and the same number.
    /// <paramref name="to"/> must itself be on the grid: a range that stopped short of it would quietly
    /// drop the value the user asked to end on.
    /// </summary>
    public static SweepAxis Range(string parameter, decimal from, decimal to, decimal step)
    {
        if (step <= 0 || to < from)
        {
            throw new FaceEvalException(ErrorKind.Usage, $"sweep of {parameter}: need from <= to and step > 0");
        }

        decimal steps;
        try
        {
            var span = to - from;
            steps = span / MaxValues >= step ? MaxValues : span / step;
        }
        catch (OverflowException)
        {
            steps = MaxValues;
        }

        if (steps >= MaxValues)
        {
            throw new FaceEvalException(ErrorKind.Usage, $"sweep of {parameter} would have more than {MaxValues} values");
        }

        if (steps != decimal.Floor(steps))
        {
            var below = from + decimal.Floor(steps) * step;
            throw new FaceEvalException(ErrorKind.Usage,
                $"sweep of {parameter}: to {Text(to)} is not from {Text(from)} plus a whole number of steps {Text(step)}; end on {Text(below)} or {Text(below + step)}");
        }

        var values = new string[(int)steps + 1];
        for (var k = 0; k < values.Length; k++)
        {
            values[k] = Text(from + k * step);
        }

        return new SweepAxis(parameter, values);
    }

    /// <summary>
    /// The same from doubles, each taken as the shortest text that round-trips it (what a user typed, or a
    /// JSON number), so 0.2 means the decimal 0.2 and not the binary fraction nearest to it.
    /// </summary>
    public static SweepAxis Range(string parameter, double from, double to, double step) =>
        Range(parameter, ToDecimal(parameter, "from", from), ToDecimal(parameter, "to", to), ToDecimal(parameter, "step", step));

    /// <summary>Range from command-line text; a number is what <see cref="double.Parse(string)"/> accepts, e.g. 0.05 or 5e-2.</summary>
    public static SweepAxis Range(string parameter, string from, string to, string step) =>
        Range(parameter, Parse(parameter, "from", from), Parse(parameter, "to", to), Parse(parameter, "step", step));

    /// <summary>An explicit comma-separated list such as "0.3,0.35,0.4" or "average,complete".</summary>
    public static SweepAxis List(string parameter, string commaSeparated)
    {
        var values = commaSeparated.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (values.Length == 0)
        {
            throw new FaceEvalException(ErrorKind.Usage, $"sweep of {parameter}: the list of values is empty");
        }

        // The same number twice (0.5, 0.50, .5) would be two identical rows, the second silently a copy.
        var seen = new Dictionary<decimal, string>();
        foreach (var value in values)
        {
            if (decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && !seen.TryAdd(number, value))
            {
                throw new FaceEvalException(ErrorKind.Usage, $"sweep of {parameter}: the value {value} is given twice (as {seen[number]})");
            }
        }

        if (values.Distinct(StringComparer.OrdinalIgnoreCase).Count() != values.Length)
        {
            var twice = values.GroupBy(v => v, StringComparer.OrdinalIgnoreCase).First(g => g.Count() > 1).Key;
            throw new FaceEvalException(ErrorKind.Usage, $"sweep of {parameter}: the value {twice} is given twice");
        }

        return new SweepAxis(parameter, values);
    }

    /// <summary>Invariant text without trailing zeros or exponent: 0.2, 0.22, 2, 0.0001.</summary>
    public static string Text(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    private static decimal Parse(string parameter, string option, string text)
    {
        var isNumber = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number);
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && (value != 0 || number == 0))
        {
            return value;
        }

        if (isNumber)
        {
            // Grids are exact decimals: 28 significant digits, magnitudes up to about 7.9e28.
            throw new FaceEvalException(ErrorKind.Usage,
                $"sweep of {parameter}: {option} {text} cannot be stepped exactly; a range takes numbers between 1e-28 and 7.9e28 in size");
        }

        throw new FaceEvalException(ErrorKind.Usage, $"sweep of {parameter}: {option} '{text}' is not a number");
    }

    private static decimal ToDecimal(string parameter, string option, double value) =>
        double.IsFinite(value)
            ? Parse(parameter, option, value.ToString("R", CultureInfo.InvariantCulture))
            : throw new FaceEvalException(ErrorKind.Usage, $"sweep of {parameter}: {option} must be a finite number, got {value.ToString(CultureInfo.InvariantCulture)}");
}
