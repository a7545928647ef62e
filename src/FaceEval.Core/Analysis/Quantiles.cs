namespace FaceEval.Core.Analysis;

/// <summary>Quantiles with linear interpolation between order statistics (numpy's default "linear" method).</summary>
public static class Quantiles
{
    /// <param name="sorted">Values sorted ascending, at least one.</param>
    /// <param name="q">In [0, 1].</param>
    public static double OfSorted(IReadOnlyList<double> sorted, double q)
    {
        if (sorted.Count == 0)
        {
            throw new ArgumentException("no values", nameof(sorted));
        }

        var position = Math.Clamp(q, 0, 1) * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }

    public static double Of(IEnumerable<double> values, double q)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return OfSorted(sorted, q);
    }
}
