using FaceEval.Core.Algorithms;
using FaceEval.Core.Embeddings;
using FaceEval.Core.Neighbors;
using Xunit.Abstractions;

namespace FaceEval.Core.Tests.Algorithms;

/// <summary>
/// DBSCAN on the exact k-nearest-neighbour graph against scikit-learn's labels (the clustering fixtures)
/// and against the full-matrix form, which those fixtures check too; and what happens when k is too small.
/// </summary>
public class DbscanGraphTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(ClusteringFixture.Names), MemberType = typeof(ClusteringFixture))]
    public void WithKCoveringEveryNeighbourhoodTheGraphGivesScikitLearnsLabels(string fixture)
    {
        var f = ClusteringFixture.Load(fixture);
        var checkedCases = 0;
        foreach (var c in f.Dbscan)
        {
            var k = Math.Max(CoveringK(f.Distances, c.Eps), c.MinSamples);
            if (k >= f.Distances.Count - 1)
            {
                continue; // the graph would hold every pair: nothing graph-specific left to test
            }

            var graph = new NeighborGraph(KnnGraph.Build(f.Embeddings, k));
            Assert.Equal(0, graph.CutOffCount(c.Eps, inclusive: true));
            var labels = Dbscan.Cluster(graph, new DbscanOptions(c.Eps, c.MinSamples));
            Assert.True(c.Labels.SequenceEqual(labels), $"{fixture} eps={c.Eps} minSamples={c.MinSamples} k={k}");
            checkedCases++;
        }

        Assert.True(checkedCases >= 3, $"{fixture}: only {checkedCases} cases with a k below N - 1");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(6)]
    public void OnASeededLibraryTheGraphFormAndItsSweepEqualTheFullFormAtEveryEps(int minSamples)
    {
        var (embeddings, _) = Library(seed: 11 + minSamples);
        var distances = DistanceMatrix.Compute(embeddings);
        double[] eps = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3];
        var k = Math.Max(CoveringK(distances, eps.Max()), minSamples);
        Assert.True(k < embeddings.Count / 4, $"k={k} is not much of a graph");
        var graph = new NeighborGraph(KnnGraph.Build(embeddings, k));

        var swept = DbscanGraphSweep.Labels(graph, eps.Reverse().ToArray(), minSamples).Reverse().ToArray();
        var clustersSeen = 0;
        for (var i = 0; i < eps.Length; i++)
        {
            var options = new DbscanOptions(eps[i], minSamples);
            var full = Dbscan.Cluster(distances, options);
            var onGraph = Dbscan.Cluster(graph, options);
            Assert.True(full.SequenceEqual(onGraph), $"eps={eps[i]} minSamples={minSamples} k={k}");
            Assert.True(full.SequenceEqual(swept[i]), $"sweep eps={eps[i]} minSamples={minSamples} k={k}");
            Assert.Equal(1.0, PlantedBlobs.AdjustedRand(full, onGraph), 12);
            clustersSeen = Math.Max(clustersSeen, full.Max() + 1);
        }

        Assert.True(clustersSeen >= 5, $"the library should cluster into several groups, got at most {clustersSeen}");
    }

    [Fact]
    public void TooSmallAKIsWarnedAboutWithItsShareAndTheDifferenceIsMeasured()
    {
        var (embeddings, truth) = Library(seed: 5);
        var context = new ClusteringContext(embeddings, Enumerable.Range(0, embeddings.Count).ToArray(), new int[embeddings.Count], truth,
            neighbors: new NeighborChoice(NeighborStructure.Exact, 2));
        var setting = ParameterSet.Create("dbscan", DbscanOptions.Parameters, new Dictionary<string, string> { ["eps"] = "0.8", ["minSamples"] = "2" });
        var onGraph = AlgorithmCatalog.Get(AlgorithmKind.Dbscan).Cluster(context, setting, seed: 0);
        var full = Dbscan.Cluster(DistanceMatrix.Compute(embeddings), new DbscanOptions(0.8, 2));

        // At eps 0.8 some people's faces lie within eps of another person's, so the full form joins
        // them; those pairs are nobody's 2 nearest, so the graph keeps the people apart.
        var warning = Assert.Single(context.Warnings);
        var cut = context.Graph.CutOffCount(0.8, inclusive: true);
        Assert.True(cut > embeddings.Count / 2, $"only {cut} faces cut off");
        Assert.Contains($"{cut} of {embeddings.Count} faces", warning);
        Assert.Contains("k=2", warning);
        var ari = PlantedBlobs.AdjustedRand(full, onGraph);
        output.WriteLine($"k=2, eps=0.8, minSamples=2: {cut} of {embeddings.Count} faces cut off, ARI to the full form {ari:0.####}");
        Assert.True(ari < 1.0, "with most neighbourhoods cut off the labels should differ somewhere");
    }

    /// <summary>Blobs of several spreads (tight and loose people) and noise, 32-d, shuffled.</summary>
    internal static (EmbeddingMatrix Embeddings, int[] Truth) Library(int seed) =>
        PlantedBlobs.Make(32, [(40, 0.04), (30, 0.05), (25, 0.06), (35, 0.07), (20, 0.05), (45, 0.08), (15, 0.03), (30, 0.09), (40, 0.06), (25, 0.1)], noise: 60, seed);

    /// <summary>The smallest k whose lists hold every pair within eps: the largest eps-neighbourhood, plus one so its k-th neighbour lies beyond.</summary>
    internal static int CoveringK(DistanceMatrix distances, double eps)
    {
        var most = 0;
        for (var i = 0; i < distances.Count; i++)
        {
            var count = 0;
            foreach (var d in distances.Row(i))
            {
                count += d <= eps ? 1 : 0;
            }

            most = Math.Max(most, count - 1);
        }

        return most + 1;
    }
}
