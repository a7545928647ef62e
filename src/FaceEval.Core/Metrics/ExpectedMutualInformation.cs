using System.Buffers;

namespace FaceEval.Core.Metrics;

/// <summary>
/// E[MI] under the hypergeometric (permutation) model of Vinh, Epps and Bailey (2010), the quantity
/// scikit-learn's <c>expected_mutual_information</c> computes. The triple sum over rows, columns and
/// n_ij depends on a row and a column only through their sizes, so equal sizes are grouped and
/// weighted by their multiplicities: O(distinct row sizes x distinct column sizes x terms).
/// </summary>
internal static class ExpectedMutualInformation
{
    // The n_ij terms follow a unimodal hypergeometric pmf. We evaluate it with lgamma-style log
    // factorials once at the mode, step outward with the exact ratio of neighbouring terms, and stop
    // once a term falls this far below the peak. scikit-learn sums every term, but the dropped ones
    // are below 1e-18 of the largest and change nothing at 1e-12.
    private const double NegligibleRatio = 1e-18;

    public static double Compute(ReadOnlySpan<int> rowSums, ReadOnlySpan<int> columnSums, int n)
    {
        if (rowSums.Length <= 1 || columnSums.Length <= 1)
        {
            return 0.0;
        }

        var (aSizes, aCounts) = DistinctSizes(rowSums);
        var (bSizes, bCounts) = DistinctSizes(columnSums);
        var tables = LogTables.UpTo(n);
        var lf = tables.LogFactorial;
        var log = tables.Log;
        double bigN = n;
        var emi = 0.0;
        for (var i = 0; i < aSizes.Length; i++)
        {
            var a = aSizes[i];
            for (var j = 0; j < bSizes.Length; j++)
            {
                var b = bSizes[j];
                var rest = n - a - b; // n_ij - rest faces are in neither the row nor the column
                var logScale = log[n] - log[a] - log[b];
                var lo = Math.Max(1, -rest);
                var hi = Math.Min(a, b);
                var mode = (int)Math.Clamp((a + 1L) * (b + 1L) / (n + 2L), lo, hi);
                var peak = Math.Exp(lf[a] + lf[b] + lf[n - a] + lf[n - b] - lf[n]
                                    - lf[mode] - lf[a - mode] - lf[b - mode] - lf[rest + mode]);
                var floor = peak * NegligibleRatio;

                var sum = 0.0;
                var p = peak;
                for (var k = mode; ;)
                {
                    sum += k * (logScale + log[k]) * p;
                    if (k == hi)
                    {
                        break;
                    }

                    p *= (double)(a - k) * (b - k) / ((double)(k + 1) * (rest + k + 1));
                    k++;
                    if (p < floor)
                    {
                        break;
                    }
                }

                p = peak;
                for (var k = mode; k > lo;)
                {
                    p *= (double)k * (rest + k) / ((double)(a - k + 1) * (b - k + 1));
                    k--;
                    if (p < floor)
                    {
                        break;
                    }

                    sum += k * (logScale + log[k]) * p;
                }

                emi += (double)aCounts[i] * bCounts[j] * sum / bigN;
            }
        }

        return emi;
    }

    private static (int[] Sizes, long[] Counts) DistinctSizes(ReadOnlySpan<int> sums)
    {
        var max = 0;
        foreach (var s in sums)
        {
            max = Math.Max(max, s);
        }

        var histogram = ArrayPool<int>.Shared.Rent(max + 1);
        try
        {
            Array.Clear(histogram, 0, max + 1);
            var distinct = 0;
            foreach (var s in sums)
            {
                if (histogram[s]++ == 0)
                {
                    distinct++;
                }
            }

            var sizes = new int[distinct];
            var counts = new long[distinct];
            var k = 0;
            for (var s = 1; s <= max; s++)
            {
                if (histogram[s] > 0)
                {
                    sizes[k] = s;
                    counts[k] = histogram[s];
                    k++;
                }
            }

            return (sizes, counts);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(histogram);
        }
    }
}
