namespace FaceEval.Core.Analysis;

/// <summary>
/// A knee of an increasing curve: where a slowly rising bulk turns into a steep tail (a "cliff").
/// Found with Kneedle (Satopää et al., 2011) for an increasing convex curve: both axes are scaled to
/// [0, 1] and the knee is the point farthest below the chord from the first to the last point, i.e.
/// the maximum of x - y (the perpendicular distance to the chord is that divided by sqrt 2).
/// </summary>
/// <param name="Index">Position of the knee in the sorted values.</param>
/// <param name="Value">The value at the knee (e.g. the suggested distance threshold).</param>
/// <param name="Strength">Normalised distance below the chord, 0..1; near 0 means the curve has no knee.</param>
public sealed record Knee(int Index, double Value, double Strength)
{
    /// <summary>The knee of <paramref name="sortedAscending"/>; null for fewer than 3 values or a flat curve.</summary>
    public static Knee? Find(IReadOnlyList<double> sortedAscending)
    {
        var n = sortedAscending.Count;
        if (n < 3)
        {
            return null;
        }

        var (low, high) = (sortedAscending[0], sortedAscending[n - 1]);
        if (!(high > low))
        {
            return null;
        }

        var (best, bestGap) = (-1, 0.0);
        for (var i = 0; i < n; i++)
        {
            if (i > 0 && sortedAscending[i] < sortedAscending[i - 1])
            {
                throw new ArgumentException("values must be sorted ascending", nameof(sortedAscending));
            }

            var x = (double)i / (n - 1);
            var y = (sortedAscending[i] - low) / (high - low);
            if (x - y > bestGap)
            {
                (best, bestGap) = (i, x - y);
            }
        }

        return best < 0 ? null : new Knee(best, sortedAscending[best], bestGap);
    }
}
