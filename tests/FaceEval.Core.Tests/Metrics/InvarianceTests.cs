using FaceEval.Core.Metrics;

namespace FaceEval.Core.Tests.Metrics;

public class InvarianceTests
{
    private const double Tolerance = 1e-12;

    public static TheoryData<int, int, int, int> Shapes() => new()
    {
        { 1, 300, 12, 20 },
        { 2, 500, 40, 9 },
        { 3, 80, 70, 75 },
        { 4, 1000, 150, 300 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void RenamingLabelIdsChangesNothing(int seed, int n, int truthClusters, int predictedClusters)
    {
        var (truth, predicted) = Labellings(seed, n, truthClusters, predictedClusters, unassignedShare: 0.1);
        var lookalikes = LookalikePairs.FromIndexPairs([(0, 1), (2, 3), (1, 5)]);
        var renamedTruth = Rename(truth, truthClusters, seed + 100);
        var renamedPredicted = Rename(predicted, predictedClusters, seed + 200);
        var truthRenaming = Renaming(truthClusters, seed + 100);
        var renamedLookalikes = LookalikePairs.FromIndexPairs(lookalikes.Pairs.Select(p => (truthRenaming[p.A], truthRenaming[p.B])));

        var original = ClusteringScorer.Score(truth, predicted, lookalikes);
        var renamed = ClusteringScorer.Score(renamedTruth, renamedPredicted, renamedLookalikes);

        Assert.NotNull(original.SiblingConfusion);
        foreach (var key in MetricKeys.All)
        {
            AssertClose(original.Get(key), renamed.Get(key), key);
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void SwappingTruthAndPredictionSwapsTheAsymmetricMetrics(int seed, int n, int truthClusters, int predictedClusters)
    {
        var (truth, predicted) = Labellings(seed, n, truthClusters, predictedClusters, unassignedShare: 0);

        var forward = ClusteringScorer.Score(truth, predicted);
        var backward = ClusteringScorer.Score(predicted, truth);

        Assert.NotEqual(forward.Homogeneity, forward.Completeness, 6);
        AssertClose(forward.Homogeneity, backward.Completeness, MetricKey.Homogeneity);
        AssertClose(forward.Completeness, backward.Homogeneity, MetricKey.Completeness);
        AssertClose(forward.PairwisePrecision, backward.PairwiseRecall, MetricKey.PairwisePrecision);
        AssertClose(forward.PairwiseRecall, backward.PairwisePrecision, MetricKey.PairwiseRecall);
        AssertClose(forward.BcubedPrecision, backward.BcubedRecall, MetricKey.BcubedPrecision);
        AssertClose(forward.BcubedRecall, backward.BcubedPrecision, MetricKey.BcubedRecall);
        foreach (var key in new[]
                 {
                     MetricKey.Ari, MetricKey.Ami, MetricKey.Nmi, MetricKey.Fmi, MetricKey.VMeasure,
                     MetricKey.PairwiseF1, MetricKey.BcubedF1,
                 })
        {
            AssertClose(forward.Get(key), backward.Get(key), key);
        }
    }

    [Fact]
    public void TwoFacesThatAreBothSingletonsAreIdenticalPartitions()
    {
        // scikit-learn 1.2.1 returns AMI 0 here by rounding noise and 1 from three faces on (documented).
        var report = ClusteringScorer.Score([0, 1], [-1, -1]);

        Assert.Equal(1.0, report.Ami);
        Assert.Equal(1.0, report.Ari);
        Assert.Equal(1.0, report.Nmi);
        Assert.Equal(0.0, report.Fmi);
    }

    [Fact]
    public void SiblingConfusionCountsLookalikeFacePairsPlacedInOneRealCluster()
    {
        // Person 0: faces a0 a1; person 1: b0 b1; person 2: c0 c1 (unlabelled face x ignored).
        // Clusters: {a0, a1, b0}, {c0, c1}, b1 unassigned.
        int[] truth = [0, 0, 1, 1, 2, 2, -1];
        int[] predicted = [5, 5, 5, -1, 8, 8, 5];

        // Pair (0,1): 2 x 2 = 4 face pairs, together: a0-b0, a1-b0 = 2 (b1 is unassigned, never together).
        // Pair (1,2): 4 face pairs, none together. Total 2 / 8.
        var report = ClusteringScorer.Score(truth, predicted, LookalikePairs.FromIndexPairs([(1, 0), (1, 2), (0, 1)]));
        Assert.Equal(0.25, report.SiblingConfusion);

        var onlyFirst = ClusteringScorer.Score(truth, predicted, LookalikePairs.FromIndexPairs([(0, 1)]));
        Assert.Equal(0.5, onlyFirst.SiblingConfusion);
    }

    [Fact]
    public void UnassignedLookalikesAreNeverTogether()
    {
        var report = ClusteringScorer.Score([0, 1, 0, 1], [-1, -1, -1, -1], LookalikePairs.FromIndexPairs([(0, 1)]));

        Assert.Equal(0.0, report.SiblingConfusion);
    }

    [Fact]
    public void SiblingConfusionIsNullWithoutLookalikePairsOfScoredFaces()
    {
        int[] truth = [0, 0, 1, 1, -1];
        int[] predicted = [0, 0, 0, 0, 0];

        Assert.Null(ClusteringScorer.Score(truth, predicted).SiblingConfusion);
        Assert.Null(ClusteringScorer.Score(truth, predicted, LookalikePairs.Empty).SiblingConfusion);
        // Person 7 has no face and self-pairs are dropped: no face pair qualifies.
        Assert.Null(ClusteringScorer.Score(truth, predicted, LookalikePairs.FromIndexPairs([(0, 7), (1, 1)])).SiblingConfusion);
        Assert.Equal(1.0, ClusteringScorer.Score(truth, predicted, LookalikePairs.FromIndexPairs([(0, 1)])).SiblingConfusion);
    }

    private static void AssertClose(double? expected, double? actual, MetricKey key)
    {
        Assert.True(expected.HasValue == actual.HasValue, key.JsonName());
        if (expected.HasValue)
        {
            Assert.True(Math.Abs(expected.Value - actual!.Value) <= Tolerance,
                $"{key.JsonName()}: {expected.Value:R} vs {actual.Value:R}");
        }
    }

    internal static (int[] Truth, int[] Predicted) Labellings(int seed, int n, int truthClusters, int predictedClusters,
        double unassignedShare)
    {
        var random = new Random(seed);
        var truth = new int[n];
        var predicted = new int[n];
        for (var i = 0; i < n; i++)
        {
            // Skewed sizes, and a prediction that mostly follows the truth so scores are not all ~0.
            truth[i] = (int)(truthClusters * Math.Pow(random.NextDouble(), 2));
            predicted[i] = random.NextDouble() < 0.6 ? truth[i] % predictedClusters : random.Next(predictedClusters);
            if (random.NextDouble() < unassignedShare)
            {
                predicted[i] = -1;
            }
        }

        return (truth, predicted);
    }

    private static int[] Renaming(int count, int seed)
    {
        // A random injective map onto large, sparse ids.
        var ids = Enumerable.Range(0, count).Select(i => i * 7919 + 13).ToArray();
        new Random(seed).Shuffle(ids);
        return ids;
    }

    private static int[] Rename(int[] labels, int count, int seed)
    {
        var map = Renaming(count, seed);
        return labels.Select(l => l < 0 ? l : map[l]).ToArray();
    }
}
