namespace FaceEval.Core.Metrics;

/// <summary>
/// E[MI] under the hypergeometric (permutation) model of Vinh, Epps and Bailey (2010), the quantity
/// scikit-learn's <c>expected_mutual_information</c> computes. The triple sum over rows, columns and
/// n_ij depends on a row and a column only through their sizes, so equal sizes are grouped and
/// weighted by their multiplicities: O(distinct row sizes x distinct column sizes x terms).
/// </summary>
internal static class ExpectedMutualInformation
{
    // The n_ij terms form a unimodal hypergeometric pmf; we walk outward from its mode and stop once a
    // term falls this far below the peak. scikit-learn sums every term, but the dropped ones are below
    // 1e-18 of the largest and change nothing at 1e-9.
    private const double NegligibleRatio = 1e-18;

    public static double Compute(ReadOnlySpan<int> rowSums, ReadOnlySpan<int> columnSums, int n)
    {
        if (rowSums.Length <= 1 || columnSums.Length <= 1)
        {
            return 0.0;
        }

        var (aSizes, aCounts) = DistinctSizes(rowSums, n);
        var (bSizes, bCounts) = DistinctSizes(columnSums, n);
        var lf = LogFactorials.UpTo(n);
        double bigN = n;
        var logN = Math.Log(bigN);
        var emi = 0.0;
        for (var i = 0; i < aSizes.Length; i++)
        {
            var a = aSizes[i];
            var logA = Math.Log(a);
            for (var j = 0; j < bSizes.Length; j++)
            {
                var b = bSizes[j];
                var fixedPart = lf[a] + lf[b] + lf[n - a] + lf[n - b] - lf[n];
                var logScale = logN - logA - Math.Log(b);
                var lo = Math.Max(1, a + b - n);
                var hi = Math.Min(a, b);
                var mode = (int)Math.Clamp((a + 1L) * (b + 1L) / (n + 2L), lo, hi);

                var sum = 0.0;
                var peak = 0.0;
                for (var nij = mode; nij <= hi; nij++)
                {
                    var p = Math.Exp(fixedPart - lf[nij] - lf[a - nij] - lf[b - nij] - lf[n - a - b + nij]);
                    peak = Math.Max(peak, p);
                    sum += nij / bigN * (logScale + Math.Log(nij)) * p;
                    if (p < peak * NegligibleRatio)
                    {
                        break;
                    }
                }

                for (var nij = mode - 1; nij >= lo; nij--)
                {
                    var p = Math.Exp(fixedPart - lf[nij] - lf[a - nij] - lf[b - nij] - lf[n - a - b + nij]);
                    sum += nij / bigN * (logScale + Math.Log(nij)) * p;
                    if (p < peak * NegligibleRatio)
                    {
                        break;
                    }
                }

                emi += (double)aCounts[i] * bCounts[j] * sum;
            }
        }

        return emi;
    }

    private static (int[] Sizes, int[] Counts) DistinctSizes(ReadOnlySpan<int> sums, int n)
    {
        var histogram = new int[n + 1];
        var distinct = 0;
        foreach (var s in sums)
        {
            if (histogram[s]++ == 0)
            {
                distinct++;
            }
        }

        var sizes = new int[distinct];
        var counts = new int[distinct];
        var k = 0;
        for (var s = 1; s <= n; s++)
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
}
