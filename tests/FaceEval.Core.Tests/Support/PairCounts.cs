namespace FaceEval.Core.Tests.Support;

/// <summary>Pairwise precision and recall of predicted labels against truth (unassigned faces are singletons),
/// and the purity of predicted clusters; small test-side reference implementations.</summary>
internal static class PairCounts
{
    public static (double Precision, double Recall) PairwisePrecisionRecall(int[] predicted, int[] truth)
    {
        long together = 0, trulyTogether = 0, both = 0;
        for (var i = 0; i < predicted.Length; i++)
        {
            for (var j = i + 1; j < predicted.Length; j++)
            {
                var p = predicted[i] >= 0 && predicted[i] == predicted[j];
                var t = truth[i] >= 0 && truth[i] == truth[j];
                together += p ? 1 : 0;
                trulyTogether += t ? 1 : 0;
                both += p && t ? 1 : 0;
            }
        }

        return (together == 0 ? 1 : (double)both / together, trulyTogether == 0 ? 1 : (double)both / trulyTogether);
    }

    public static double F1(int[] predicted, int[] truth)
    {
        var (p, r) = PairwisePrecisionRecall(predicted, truth);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /// <summary>Fraction of assigned faces that belong to their cluster's majority identity.</summary>
    public static double Purity(int[] predicted, int[] truth)
    {
        var assigned = 0;
        var majority = 0;
        foreach (var group in Enumerable.Range(0, predicted.Length).Where(i => predicted[i] >= 0).GroupBy(i => predicted[i]))
        {
            assigned += group.Count();
            majority += group.GroupBy(i => truth[i]).Max(g => g.Count());
        }

        return assigned == 0 ? 1 : (double)majority / assigned;
    }

    /// <summary>True iff the two labelings induce the same partition (labels may differ by a renaming).</summary>
    public static bool SamePartition(int[] a, int[] b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        var ab = new Dictionary<int, int>();
        var ba = new Dictionary<int, int>();
        for (var i = 0; i < a.Length; i++)
        {
            if (ab.TryGetValue(a[i], out var x) && x != b[i] || ba.TryGetValue(b[i], out var y) && y != a[i])
            {
                return false;
            }

            ab[a[i]] = b[i];
            ba[b[i]] = a[i];
        }

        return true;
    }
}
