using FaceEval.Core.Algorithms;
using FaceEval.Core.Embeddings;
using FaceEval.Core.Graphs;
using FaceEval.Core.Neighbors;
using Xunit.Abstractions;

namespace FaceEval.Core.Tests.Algorithms;

/// <summary>
/// Chinese Whispers on the k-capped graph against the full form (dlib's all-pairs graph, itself checked
/// against dlib's procedure in <see cref="ChineseWhispersTests"/>): identical labels for the same seed
/// when k covers every below-threshold pair, a measured difference when it does not.
/// </summary>
public class ChineseWhispersGraphTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(0.15, 1, EdgeWeight.Unit)]
    [InlineData(0.25, 7, EdgeWeight.Unit)]
    [InlineData(0.25, 3, EdgeWeight.Similarity)]
    [InlineData(0.35, 9, EdgeWeight.Unit)]
    public void WithKCoveringEveryEdgeTheLabelsEqualTheFullFormsForTheSameSeed(double threshold, int seed, EdgeWeight weight)
    {
        var (embeddings, _) = DbscanGraphTests.Library(seed: 21);
        var distances = DistanceMatrix.Compute(embeddings);
        var options = new ChineseWhispersOptions(threshold) { Weight = weight, SelfLoops = weight == EdgeWeight.Unit };
        var k = CoveringK(distances, (float)threshold);
        Assert.True(k < embeddings.Count / 4, $"k={k} is not much of a graph");
        var graph = new NeighborGraph(KnnGraph.Build(embeddings, k));
        Assert.Equal(0, graph.CutOffCount((float)threshold, inclusive: false));

        var full = ChineseWhispers.Cluster(distances, options, seed);
        var capped = ChineseWhispers.Cluster(ChineseWhispers.EdgesBelow(graph, (float)threshold), options, seed);

        Assert.True(full.SequenceEqual(capped), $"threshold={threshold} seed={seed} k={k}");
        Assert.True(full.Max() >= 5, $"only {full.Max() + 1} clusters");
    }

    [Fact]
    public void TheCappedGraphsEdgesAreExactlyTheFullGraphsPairsBelowTheThresholdAmongTheNearest()
    {
        var (embeddings, _) = DbscanGraphTests.Library(seed: 3);
        var distances = DistanceMatrix.Compute(embeddings);
        var knn = KnnGraph.Build(embeddings, 5);
        var capped = ChineseWhispers.EdgesBelow(new NeighborGraph(knn), 0.3f);
        var full = FaceGraph.FromDistances(distances, 0.3f);

        // Reference: a pair is an edge iff it is below the threshold and one face lists the other.
        for (var i = 0; i < embeddings.Count; i++)
        {
            var expected = full.Neighbours(i).ToArray()
                .Where(j => knn.Neighbors(i).Contains(j) || knn.Neighbors(j).Contains(i)).ToArray();
            Assert.Equal(expected, capped.Neighbours(i).ToArray());
        }
    }

    [Fact]
    public void TooSmallAKIsWarnedAboutAndTheAriToTheFullFormIsMeasured()
    {
        var (embeddings, truth) = DbscanGraphTests.Library(seed: 8);
        var order = Enumerable.Range(0, embeddings.Count).ToArray();
        var graphContext = new ClusteringContext(embeddings, order, new int[embeddings.Count], truth, neighbors: new NeighborChoice(NeighborStructure.Exact, 3));
        var fullContext = new ClusteringContext(embeddings, order, new int[embeddings.Count], truth);
        var algorithm = AlgorithmCatalog.Get(AlgorithmKind.ChineseWhispers);
        var setting = ParameterSet.Create("chinese-whispers", ChineseWhispersOptions.Parameters, new Dictionary<string, string> { ["threshold"] = "0.3" });

        var capped = algorithm.Cluster(graphContext, setting, seed: 1);
        var full = algorithm.Cluster(fullContext, setting, seed: 1);

        var warning = Assert.Single(graphContext.Warnings);
        Assert.Contains("k=3", warning);
        Assert.Empty(fullContext.Warnings);
        var ari = PlantedBlobs.AdjustedRand(full, capped);
        output.WriteLine($"k=3, threshold=0.3: {warning}; ARI to the full form {ari:0.####}, to the planted truth {PlantedBlobs.AdjustedRand(truth, capped):0.####} (full: {PlantedBlobs.AdjustedRand(truth, full):0.####})");
        Assert.InRange(ari, 0.0, 1.0);
    }

    /// <summary>The smallest k whose lists hold every pair below the threshold (its k-th neighbour lies at or beyond it).</summary>
    private static int CoveringK(DistanceMatrix distances, float below)
    {
        var most = 0;
        for (var i = 0; i < distances.Count; i++)
        {
            var count = 0;
            foreach (var d in distances.Row(i))
            {
                count += d < below ? 1 : 0;
            }

            most = Math.Max(most, count - 1);
        }

        return most + 1;
    }
}
