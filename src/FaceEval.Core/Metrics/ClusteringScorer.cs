namespace FaceEval.Core.Metrics;

/// <summary>
/// Scores a predicted labelling against the ground truth. Every metric comes from one
/// <see cref="ContingencyTable"/>: faces with truth -1 are not scored, and each face predicted -1 is a
/// singleton cluster (for <c>clusters</c>, <c>largest_cluster_share</c> and <c>sibling_confusion</c> it
/// is no cluster at all). Pair counts are 64-bit; ARI's products are 128-bit.
/// </summary>
/// <remarks>
/// ARI, AMI and NMI (arithmetic mean), FMI, homogeneity, completeness and V-measure (beta 1) equal
/// scikit-learn 1.2.1 on the same inputs (unassigned faces turned into singleton labels, unlabelled faces
/// dropped). FMI is sqrt(pairwise precision x pairwise recall), and 0 when no pair is together in both.
/// Pairwise metrics count unordered pairs of scored faces: precision = pairs together in both / pairs
/// together in the prediction, recall = the same / pairs together in the truth. With no predicted pair
/// (all singletons) precision is 1, as no wrong merge was made; with no truth pair recall is 1; F1 is
/// their harmonic mean, 0 when both are 0. BCubed precision (recall) averages over faces the share of the
/// face's cluster (person) that shares its person (cluster), the face itself included.
/// <para>Degenerate cases:</para>
/// <list type="bullet">
/// <item>No scored face: every ratio 1 except FMI 0; counts, rates and shares 0 (as scikit-learn does
/// for empty labellings).</item>
/// <item>One scored face, or both sides all singletons: everything 1 except FMI 0 (no pair). For two
/// faces both singletons scikit-learn's AMI is 0 by rounding (its E[MI] equals both entropies); we return
/// 1 as it does from three faces on, because the partitions are identical.</item>
/// <item>Both sides one cluster of two or more faces: everything 1.</item>
/// <item>Prediction one cluster, truth several people: ARI, AMI, NMI, homogeneity and V-measure 0;
/// completeness and pairwise recall 1.</item>
/// <item>Truth one person, prediction several clusters: ARI, AMI, NMI, completeness and V-measure 0;
/// homogeneity and pairwise precision 1.</item>
/// <item>Prediction all singletons, truth with some person of two faces: ARI, AMI (up to 1e-16), FMI and
/// pairwise recall 0; homogeneity, pairwise precision and BCubed precision 1 (NMI is not 0).</item>
/// </list>
/// </remarks>
public static class ClusteringScorer
{
    public static MetricReport Score(ReadOnlySpan<int> truth, ReadOnlySpan<int> predicted, LookalikePairs? lookalikes = null) =>
        Score(ContingencyTable.Build(truth, predicted), lookalikes);

    public static MetricReport Score(ContingencyTable table, LookalikePairs? lookalikes = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var n = table.Scored;
        var rowSums = table.RowSums;
        var columnSums = table.ColumnSums;

        long sumSqCells = 0, sumSqRows = 0, sumSqColumns = 0;
        double bcubedPrecisionSum = 0, bcubedRecallSum = 0;
        foreach (var cell in table.Cells)
        {
            var sq = (long)cell.Count * cell.Count;
            sumSqCells += sq;
            bcubedPrecisionSum += sq / (double)columnSums[cell.Column];
            bcubedRecallSum += sq / (double)rowSums[cell.Row];
        }

        foreach (var s in rowSums)
        {
            sumSqRows += (long)s * s;
        }

        foreach (var s in columnSums)
        {
            sumSqColumns += (long)s * s;
        }

        var togetherInBoth = (sumSqCells - n) / 2;
        var togetherInTruth = (sumSqRows - n) / 2;
        var togetherPredicted = (sumSqColumns - n) / 2;
        var pairwisePrecision = togetherPredicted == 0 ? 1.0 : togetherInBoth / (double)togetherPredicted;
        var pairwiseRecall = togetherInTruth == 0 ? 1.0 : togetherInBoth / (double)togetherInTruth;
        var bcubedPrecision = n == 0 ? 1.0 : bcubedPrecisionSum / n;
        var bcubedRecall = n == 0 ? 1.0 : bcubedRecallSum / n;

        var (homogeneity, completeness, vMeasure, nmi, ami) = InformationScores(table);

        var largest = 0;
        for (var c = 0; c < table.ClusterCount; c++)
        {
            largest = Math.Max(largest, columnSums[c]);
        }

        return new MetricReport(
            Ari: AdjustedRand(n, sumSqCells, sumSqRows, sumSqColumns),
            Ami: ami,
            Nmi: nmi,
            Fmi: FowlkesMallows(n, sumSqCells, sumSqRows, sumSqColumns),
            PairwisePrecision: pairwisePrecision,
            PairwiseRecall: pairwiseRecall,
            PairwiseF1: HarmonicMean(pairwisePrecision, pairwiseRecall),
            BcubedPrecision: bcubedPrecision,
            BcubedRecall: bcubedRecall,
            BcubedF1: HarmonicMean(bcubedPrecision, bcubedRecall),
            Homogeneity: homogeneity,
            Completeness: completeness,
            VMeasure: vMeasure,
            Clusters: table.ClusterCount,
            Unassigned: table.UnassignedCount,
            UnassignedRate: n == 0 ? 0.0 : table.UnassignedCount / (double)n,
            LargestClusterShare: n == 0 ? 0.0 : largest / (double)n,
            SiblingConfusion: SiblingConfusion(table, lookalikes),
            Scored: n);
    }

    private static double HarmonicMean(double p, double r) => p + r == 0 ? 0.0 : 2 * p * r / (p + r);

    // scikit-learn's pair confusion matrix counts ordered pairs; its products reach n^4, beyond 64 bits.
    private static double AdjustedRand(long n, long sumSqCells, long sumSqRows, long sumSqColumns)
    {
        Int128 tp = sumSqCells - n;
        Int128 fp = sumSqColumns - sumSqCells;
        Int128 fn = sumSqRows - sumSqCells;
        var tn = (Int128)n * n - fp - fn - sumSqCells;
        if (fn == 0 && fp == 0)
        {
            return 1.0;
        }

        var numerator = 2 * (tp * tn - fn * fp);
        var denominator = (tp + fn) * (fn + tn) + (tp + fp) * (fp + tn);
        return (double)numerator / (double)denominator;
    }

    private static double FowlkesMallows(long n, long sumSqCells, long sumSqRows, long sumSqColumns)
    {
        var tk = sumSqCells - n;
        if (tk == 0)
        {
            return 0.0;
        }

        return Math.Sqrt(tk / (double)(sumSqColumns - n)) * Math.Sqrt(tk / (double)(sumSqRows - n));
    }

    private static (double Homogeneity, double Completeness, double VMeasure, double Nmi, double Ami) InformationScores(
        ContingencyTable table)
    {
        var n = table.Scored;
        if (n == 0)
        {
            return (1.0, 1.0, 1.0, 1.0, 1.0);
        }

        var hTruth = InformationMeasures.Entropy(table.RowSums, n);
        var hPredicted = InformationMeasures.Entropy(table.ColumnSums, n);
        var mi = InformationMeasures.MutualInformation(table);

        var homogeneity = hTruth != 0 ? mi / hTruth : 1.0;
        var completeness = hPredicted != 0 ? mi / hPredicted : 1.0;
        var vMeasure = homogeneity + completeness == 0 ? 0.0 : 2 * homogeneity * completeness / (homogeneity + completeness);

        if (table.RowCount == 1 && table.ColumnCount == 1)
        {
            return (homogeneity, completeness, vMeasure, 1.0, 1.0);
        }

        var mean = (hTruth + hPredicted) / 2;
        var nmi = mi == 0 ? 0.0 : mi / mean;

        // Identical partitions score 1; testing it exactly keeps the all-singletons case (where E[MI],
        // MI and both entropies coincide) from dividing rounding noise by epsilon.
        double ami;
        if (table.Cells.Length == table.RowCount && table.RowCount == table.ColumnCount)
        {
            ami = 1.0;
        }
        else
        {
            var emi = ExpectedMutualInformation.Compute(table.RowSums, table.ColumnSums, n);
            var denominator = mean - emi;
            denominator = denominator < 0
                ? Math.Min(denominator, -InformationMeasures.MachineEpsilon)
                : Math.Max(denominator, InformationMeasures.MachineEpsilon);
            ami = (mi - emi) / denominator;
        }

        return (homogeneity, completeness, vMeasure, nmi, ami);
    }

    private static double? SiblingConfusion(ContingencyTable table, LookalikePairs? lookalikes)
    {
        if (lookalikes is null || lookalikes.Count == 0)
        {
            return null;
        }

        long together = 0, total = 0;
        var inCluster = new int[table.ClusterCount];
        var scatteredRow = -1;
        foreach (var (a, b) in lookalikes.Pairs)
        {
            var rowA = table.RowOf(a);
            var rowB = table.RowOf(b);
            if (rowA < 0 || rowB < 0)
            {
                continue;
            }

            total += (long)table.RowSums[rowA] * table.RowSums[rowB];

            // Pairs come sorted by A, so each person's row is scattered once for all its partners.
            if (scatteredRow != rowA)
            {
                if (scatteredRow >= 0)
                {
                    Scatter(table, scatteredRow, inCluster, clear: true);
                }

                Scatter(table, rowA, inCluster, clear: false);
                scatteredRow = rowA;
            }

            foreach (var cell in table.CellsInRow(rowB))
            {
                if (!table.IsUnassigned(cell.Column))
                {
                    together += (long)inCluster[cell.Column] * cell.Count;
                }
            }
        }

        return total == 0 ? null : together / (double)total;
    }

    private static void Scatter(ContingencyTable table, int row, int[] inCluster, bool clear)
    {
        foreach (var cell in table.CellsInRow(row))
        {
            if (!table.IsUnassigned(cell.Column))
            {
                inCluster[cell.Column] = clear ? 0 : cell.Count;
            }
        }
    }
}
