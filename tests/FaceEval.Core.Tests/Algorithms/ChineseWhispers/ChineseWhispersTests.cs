using FaceEval.Core.Algorithms;
using FaceEval.Core.Embeddings;
using FaceEval.Core.Errors;
using FaceEval.Core.Graphs;
using FaceEval.Core.Tests.Support;

namespace FaceEval.Core.Tests.Algorithms;

public class ChineseWhispersTests
{
    /// <summary>Blobs of tight faces around random centres in 64 dimensions, shuffled.</summary>
    private static (DistanceMatrix Distances, int[] Truth) Blobs(int seed, int[] sizes, double radius = 0.3)
    {
        var rng = new Random(seed);
        var faces = new List<float[]>();
        var truth = new List<int>();
        for (var b = 0; b < sizes.Length; b++)
        {
            var centre = Planted.RandomUnit(rng, 64);
            for (var i = 0; i < sizes[b]; i++)
            {
                faces.Add(Planted.Face(rng, centre, radius));
                truth.Add(b);
            }
        }

        var order = Planted.Shuffle(faces.Count, rng);
        var m = Planted.Matrix(order.Select(i => faces[i]).ToArray());
        return (DistanceMatrix.Compute(m), order.Select(i => truth[i]).ToArray());
    }

    [Theory]
    [InlineData(1, EdgeWeight.Unit)]
    [InlineData(2, EdgeWeight.Unit)]
    [InlineData(3, EdgeWeight.Similarity)]
    [InlineData(4, EdgeWeight.Similarity)]
    public void RecoversPlantedBlobsExactly(int seed, EdgeWeight weight)
    {
        var (distances, truth) = Blobs(seed, [25, 12, 40, 3, 1, 18]);

        // The planted geometry: every within-blob pair below the threshold, every cross-blob pair above.
        const float threshold = 0.4f;
        for (var i = 0; i < truth.Length; i++)
        {
            for (var j = i + 1; j < truth.Length; j++)
            {
                Assert.Equal(truth[i] == truth[j], distances[i, j] < threshold);
            }
        }

        var labels = ChineseWhispers.Cluster(distances, new ChineseWhispersOptions(threshold) { Weight = weight }, seed);

        Assert.True(PairCounts.SamePartition(labels, truth));
    }

    [Fact]
    public void IsDeterministicForASeed()
    {
        // A ring of 30 nodes: many equally good labelings, so the random visiting order matters.
        var edges = Enumerable.Range(0, 30).Select(i => new FaceEdge(i, (i + 1) % 30, 0.2f)).ToArray();
        var graph = FaceGraph.FromEdges(30, edges);
        var options = new ChineseWhispersOptions(0.5) { Iterations = 3 };

        var runs = Enumerable.Range(0, 8).Select(s => ChineseWhispers.Cluster(graph, options, s)).ToArray();

        for (var s = 0; s < runs.Length; s++)
        {
            Assert.Equal(runs[s], ChineseWhispers.Cluster(graph, options, s));
        }

        Assert.Contains(runs, r => !r.SequenceEqual(runs[0]));
    }

    [Fact]
    public void NumbersLabelsInFirstSeenOrder()
    {
        var (distances, truth) = Blobs(9, [5, 7, 3, 9, 4]);

        var labels = ChineseWhispers.Cluster(distances, new ChineseWhispersOptions(0.4), 1);

        Assert.Equal(0, labels[0]);
        var next = 0;
        foreach (var label in labels)
        {
            Assert.True(label <= next, $"label {label} appeared before {next}");
            if (label == next)
            {
                next++;
            }
        }

        Assert.Equal(truth.Distinct().Count(), next);
    }

    [Fact]
    public void SimilarityWeightsLetFewCloseNeighboursOutvoteManyFarOnes()
    {
        // Node 10 touches three members of clique A (nodes 0-4) at distance 0.8 and two members of clique B
        // (nodes 5-9) at distance 0.01. Unit weights: A has 3 votes to B's 2. Similarity: A has 3 x 0.2 = 0.6
        // to B's 2 x 0.99 = 1.98 (and the self-loop's 1).
        var edges = new List<FaceEdge>();
        for (var a = 0; a < 5; a++)
        {
            for (var b = a + 1; b < 5; b++)
            {
                edges.Add(new FaceEdge(a, b, 0.1f));
                edges.Add(new FaceEdge(a + 5, b + 5, 0.1f));
            }
        }

        edges.AddRange([new(10, 0, 0.8f), new(10, 1, 0.8f), new(10, 2, 0.8f), new(10, 5, 0.01f), new(10, 6, 0.01f)]);
        var graph = FaceGraph.FromEdges(11, edges);

        for (var seed = 0; seed < 5; seed++)
        {
            var unit = ChineseWhispers.Cluster(graph, new ChineseWhispersOptions(0.9) { Weight = EdgeWeight.Unit }, seed);
            var similarity = ChineseWhispers.Cluster(graph, new ChineseWhispersOptions(0.9) { Weight = EdgeWeight.Similarity }, seed);

            Assert.Equal(unit[0], unit[10]);
            Assert.NotEqual(unit[5], unit[10]);
            Assert.Equal(similarity[5], similarity[10]);
            Assert.NotEqual(similarity[0], similarity[10]);
        }
    }

    [Fact]
    public void EdgeNeedsDistanceStrictlyBelowThresholdAndIsolatedFacesStayAlone()
    {
        var graph = FaceGraph.FromEdges(5, [new FaceEdge(0, 1, 0.5f), new FaceEdge(2, 3, 0.3f)]);

        var atThreshold = ChineseWhispers.Cluster(graph, new ChineseWhispersOptions(0.5), 0);
        var above = ChineseWhispers.Cluster(graph, new ChineseWhispersOptions(0.50001), 0);

        Assert.Equal([0, 1, 2, 2, 3], atThreshold);
        Assert.Equal([0, 0, 1, 1, 2], above);
    }

    [Fact]
    public void SelfLoopsMakeLabelsStickyAsInDlibsFaceExample()
    {
        // Chain 0-1-2. With a self-loop every vote of node 1 is a three-way tie until a neighbour shares
        // its label, and node 2 adopting label 1 (tie, smaller label) then holds node 1 there against node 0:
        // dlib's example graph can leave a chain split. Without self-loops, node 1 takes label 0 (tie) and
        // drags node 2 along.
        var graph = FaceGraph.FromEdges(3, [new FaceEdge(0, 1, 0.1f), new FaceEdge(1, 2, 0.1f)]);

        var withLoops = Enumerable.Range(0, 20).Select(s => ChineseWhispers.Cluster(graph, new ChineseWhispersOptions(0.5), s)).ToArray();
        var without = Enumerable.Range(0, 20).Select(s => ChineseWhispers.Cluster(graph, new ChineseWhispersOptions(0.5) { SelfLoops = false }, s)).ToArray();

        Assert.All(without, labels => Assert.Equal([0, 0, 0], labels));
        Assert.Contains(withLoops, labels => labels.Distinct().Count() > 1);
    }

    [Fact]
    public void SubsetGraphMatchesInducedSubgraphOfTheFullGraph()
    {
        var (distances, _) = Blobs(5, [10, 10, 10]);
        var subset = new[] { 3, 17, 4, 29, 0, 11, 22, 8 };

        var direct = FaceGraph.FromDistances(distances, subset, 0.6f);
        var induced = FaceGraph.FromDistances(distances, 0.6f).Subgraph(subset);

        Assert.Equal(direct.NodeCount, induced.NodeCount);
        for (var k = 0; k < subset.Length; k++)
        {
            Assert.Equal(direct.Neighbours(k).ToArray(), induced.Neighbours(k).ToArray());
            Assert.Equal(direct.Distances(k).ToArray(), induced.Distances(k).ToArray());
            foreach (var (t, d) in direct.Neighbours(k).ToArray().Zip(direct.Distances(k).ToArray()))
            {
                Assert.Equal(distances[subset[k], subset[t]], d);
            }
        }

        var options = new ChineseWhispersOptions(0.4);
        Assert.Equal(ChineseWhispers.Cluster(direct, options, 3), ChineseWhispers.Cluster(induced, options, 3));
    }

    [Fact]
    public void RejectsBadInput()
    {
        var graph = FaceGraph.FromDistances(DistanceMatrix.Compute(Planted.Angles(0, 10, 20)), 0.3f);

        Assert.Equal(ErrorKind.Usage, Assert.Throws<FaceEvalException>(() => ChineseWhispers.Cluster(graph, new ChineseWhispersOptions(0), 0)).Kind);
        Assert.Equal(ErrorKind.Usage, Assert.Throws<FaceEvalException>(() => ChineseWhispers.Cluster(graph, new ChineseWhispersOptions(0.3) { Iterations = 0 }, 0)).Kind);
        Assert.Equal(ErrorKind.Usage, Assert.Throws<FaceEvalException>(() => ChineseWhispers.Cluster(graph, new ChineseWhispersOptions(0.5), 0)).Kind);
        Assert.Equal(ErrorKind.InvalidData, Assert.Throws<FaceEvalException>(() => FaceGraph.FromEdges(2, [new FaceEdge(0, 2, 0.1f)])).Kind);
        Assert.Equal(ErrorKind.InvalidData, Assert.Throws<FaceEvalException>(() => FaceGraph.FromEdges(2, [new FaceEdge(0, 1, 0.1f), new FaceEdge(1, 0, 0.2f)])).Kind);
        Assert.Equal(ErrorKind.InvalidData, Assert.Throws<FaceEvalException>(() => FaceGraph.FromEdges(2, [new FaceEdge(0, 1, float.NaN)])).Kind);
        Assert.Empty(ChineseWhispers.Cluster(FaceGraph.FromEdges(0, []), new ChineseWhispersOptions(0.5), 0));
    }
}
