using System.Globalization;
using FaceEval.Core.Errors;

namespace FaceEval.Core.Sweeps;

/// <summary>One swept parameter and the values it takes, in order.</summary>
public sealed record SweepAxis(string Parameter, IReadOnlyList<string> Values)
{
    /// <summary>
    /// from, from+step, ... up to and including <paramref name="to"/> (within half a step's rounding);
    /// values are rounded to the step's decimals so 0.1 + 0.2 prints as 0.3.
    /// </summary>
    public static SweepAxis Range(string parameter, double from, double to, double step)
    {
        if (!(step > 0) || !double.IsFinite(from) || !double.IsFinite(to) || to < from)
        {
            throw new FaceEvalException(ErrorKind.Usage, $"sweep of {parameter}: need --from <= --to and --step > 0");
        }

        var count = (int)Math.Floor((to - from) / step + 1e-9) + 1;
        if (count > 10_000)
        {
            throw new FaceEvalException(ErrorKind.Usage, $"sweep of {parameter} would have {count} values; at most 10000");
        }

        var decimals = Math.Clamp((int)Math.Ceiling(-Math.Log10(step)) + 2, 0, 12);
        var values = Enumerable.Range(0, count)
            .Select(i => Math.Round(from + i * step, decimals).ToString("R", CultureInfo.InvariantCulture))
            .ToArray();
        return new SweepAxis(parameter, values);
    }

    /// <summary>An explicit comma-separated list such as "0.3,0.35,0.4" or "average,complete".</summary>
    public static SweepAxis List(string parameter, string commaSeparated)
    {
        var values = commaSeparated.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (values.Length == 0)
        {
            throw new FaceEvalException(ErrorKind.Usage, $"sweep of {parameter}: --values is empty");
        }

        return new SweepAxis(parameter, values);
    }
}
