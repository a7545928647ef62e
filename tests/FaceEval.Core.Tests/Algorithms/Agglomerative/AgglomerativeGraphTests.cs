using FaceEval.Core.Algorithms;
using FaceEval.Core.Embeddings;
using FaceEval.Core.Hierarchy;
using FaceEval.Core.Neighbors;
using Xunit.Abstractions;

namespace FaceEval.Core.Tests.Algorithms;

/// <summary>
/// Agglomerative clustering on the k-nearest-neighbour graph against scikit-learn's labels (the
/// clustering fixtures) and the full-matrix form; and that every cut where the two differ is warned about.
/// </summary>
public class AgglomerativeGraphTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(ClusteringFixture.Names), MemberType = typeof(ClusteringFixture))]
    public void WithEveryPairInTheGraphTheCutsAreScikitLearnsAndTheFullForms(string fixture)
    {
        var f = ClusteringFixture.Load(fixture);
        var n = f.Embeddings.Count;
        // Built by the graph's own kernel: the fixture thresholds keep clear of every merge height.
        var graph = new NeighborGraph(KnnGraph.Build(f.Embeddings, n - 1));
        foreach (var linkage in f.Agglomerative.Select(c => c.Linkage).Distinct())
        {
            var cases = f.Agglomerative.Where(c => c.Linkage == linkage).ToList();
            var onGraph = Agglomerative.BuildDendrogram(graph, linkage).Cut(cases.Select(c => c.Threshold).ToList());
            var full = Agglomerative.BuildDendrogram(f.Distances, linkage).Cut(cases.Select(c => c.Threshold).ToList());
            for (var i = 0; i < cases.Count; i++)
            {
                Partition.AssertSame(cases[i].Labels, onGraph[i], $"{fixture} {linkage} at {cases[i].Threshold} against scikit-learn");
                Assert.Equal(full[i], onGraph[i]);
            }
        }

        Assert.Equal(3, f.Agglomerative.Select(c => c.Linkage).Distinct().Count());
    }

    [Theory]
    [InlineData(Linkage.Single)]
    [InlineData(Linkage.Average)]
    [InlineData(Linkage.Complete)]
    public void WhereNoPairBelowTheThresholdIsMissingTheCutIsTheFullForms(Linkage linkage)
    {
        // People of 15 to 45 faces and noise; k = 50 lists every face's whole person, so at thresholds
        // below every face's 50th neighbour the graph holds every pair below the threshold.
        var (embeddings, truth) = DbscanGraphTests.Library(seed: 31);
        var distances = DistanceMatrix.Compute(embeddings);
        var graph = new NeighborGraph(KnnGraph.FromDistances(distances, 50));
        var full = Agglomerative.BuildDendrogram(distances, linkage);
        var onGraph = Agglomerative.BuildDendrogram(graph, linkage);
        var exactCuts = 0;
        foreach (var t in Thresholds)
        {
            if (graph.CutOffCount(t, inclusive: false) > 0)
            {
                continue;
            }

            var expected = full.Cut(t);
            var labels = onGraph.Cut(t);
            if (linkage == Linkage.Average && Agglomerative.FacesInPartialClusters(graph, labels) > 0)
            {
                continue;
            }

            Assert.True(expected.SequenceEqual(labels), $"{linkage} at {t}: {Differences(expected, labels)} faces differ");
            exactCuts += expected.Max() + 1 < truth.Length / 2 ? 1 : 0;
        }

        Assert.True(exactCuts >= 3, $"{linkage}: only {exactCuts} thresholds with a real clustering and no cut-off");
    }

    [Theory]
    [InlineData(Linkage.Single)]
    [InlineData(Linkage.Average)]
    [InlineData(Linkage.Complete)]
    public void EveryCutThatDiffersFromTheFullFormIsWarnedAbout(Linkage linkage)
    {
        var (embeddings, truth) = DbscanGraphTests.Library(seed: 32);
        var n = embeddings.Count;
        var distances = DistanceMatrix.Compute(embeddings);
        var full = Agglomerative.BuildDendrogram(distances, linkage);
        var algorithm = AlgorithmCatalog.Get(AlgorithmKind.Agglomerative);
        var (differing, warnedOnly) = (0, 0);
        foreach (var k in new[] { 3, 8, 20, 60 })
        {
            foreach (var t in Thresholds)
            {
                var context = new ClusteringContext(embeddings, [.. Enumerable.Range(0, n)], new int[n], truth,
                    neighbors: new NeighborChoice(NeighborStructure.Exact, k), graph: () => KnnGraph.FromDistances(distances, k));
                var setting = ParameterSet.Create("agglomerative", AgglomerativeOptions.Parameters, new Dictionary<string, string>
                {
                    ["linkage"] = linkage.ToString().ToLowerInvariant(),
                    ["distanceThreshold"] = $"{t}",
                });
                var labels = algorithm.Cluster(context, setting, seed: 0);
                var expected = full.Cut(t);
                if (!expected.SequenceEqual(labels))
                {
                    differing++;
                    var warning = Assert.Single(context.Warnings);
                    Assert.Contains($"k={k}", warning);
                    output.WriteLine($"{linkage} k={k} t={t}: ARI {PlantedBlobs.AdjustedRand(expected, labels):0.####}; {warning}");
                }
                else
                {
                    warnedOnly += context.Warnings.Count;
                }
            }
        }

        output.WriteLine($"{linkage}: {differing} cuts differ (all warned), {warnedOnly} equal cuts warned anyway");
        Assert.True(differing >= 3, $"{linkage}: only {differing} differing cuts; the case does not test the warning");
    }

    [Fact]
    public void ClustersTheGraphNeverLinksStayApartAtEveryThreshold()
    {
        // Two far-apart people of 20 faces and k = 19: each face lists its own person only, so no edge
        // joins them and even a threshold of 2 (every pair of the full matrix) leaves them two clusters.
        var (embeddings, truth) = PlantedBlobs.Make(32, [(20, 0.03), (20, 0.03)], noise: 0, seed: 33);
        var graph = new NeighborGraph(KnnGraph.Build(embeddings, 19));
        foreach (var linkage in new[] { Linkage.Single, Linkage.Average, Linkage.Complete })
        {
            var labels = Agglomerative.BuildDendrogram(graph, linkage).Cut(2.0);
            Assert.Equal(1.0, PlantedBlobs.AdjustedRand(truth, labels), 12);
        }
    }

    private static readonly double[] Thresholds = [0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.6, 0.8, 1.0];

    private static int Differences(int[] a, int[] b) => Enumerable.Range(0, a.Length).Count(i => a[i] != b[i]);
}
