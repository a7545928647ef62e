using FaceEval.Core.Embeddings;

namespace FaceEval.Core.Algorithms;

/// <summary>
/// Exact test "90th percentile of the pairwise distances of a face set &lt;= limit" in one pass without
/// sorting. The percentile is numpy's default (linear interpolation between order statistics).
/// </summary>
internal static class CohesionTest
{
    public const double Quantile = 0.9;

    public static bool AtMost(DistanceMatrix distances, IReadOnlyList<int> faces, double limit)
    {
        var s = faces.Count;
        if (s < 2)
        {
            return true; // no pairs: nothing is loose
        }

        long below = 0;
        var maxBelow = double.NegativeInfinity;
        var minAbove = double.PositiveInfinity;
        for (var i = 0; i < s; i++)
        {
            var row = distances.Row(faces[i]);
            for (var j = i + 1; j < s; j++)
            {
                double d = row[faces[j]];
                if (d <= limit)
                {
                    below++;
                    if (d > maxBelow)
                    {
                        maxBelow = d;
                    }
                }
                else if (d < minAbove)
                {
                    minAbove = d;
                }
            }
        }

        var m = (long)s * (s - 1) / 2;
        var position = Quantile * (m - 1);
        var k = (long)Math.Floor(position);
        var fraction = position - k;

        // Sorted ascending, x[i] <= limit exactly for i < below.
        if (below <= k)
        {
            return false;
        }

        if (below >= k + 2 || fraction == 0 || k + 1 >= m)
        {
            return true;
        }

        // x[k] is the largest value within the limit, x[k+1] the smallest beyond it.
        return maxBelow + fraction * (minAbove - maxBelow) <= limit;
    }
}
