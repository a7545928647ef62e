using FaceEval.Core.Algorithms;
using FaceEval.Core.Embeddings;
using FaceEval.Core.Neighbors;
using Xunit.Abstractions;

namespace FaceEval.Core.Tests.Algorithms;

/// <summary>
/// HDBSCAN on the k-nearest-neighbour graph against the full-matrix form: identical at k = N - 1 (the
/// claim under test: the graph form is the full form when the graph holds every pair), identical on a
/// planted case whose graph holds a full minimum spanning tree, and warned about where it cannot be.
/// </summary>
public class HdbscanGraphTests(ITestOutputHelper output)
{
    private static readonly (int Mcs, int? MinSamples, ClusterSelectionMethod Method, double Epsilon, bool Single)[] Settings =
    [
        (5, null, ClusterSelectionMethod.ExcessOfMass, 0, false),
        (10, 3, ClusterSelectionMethod.ExcessOfMass, 0, false),
        (8, 1, ClusterSelectionMethod.Leaf, 0, false),
        (5, 7, ClusterSelectionMethod.ExcessOfMass, 0.3, false),
        (15, 4, ClusterSelectionMethod.ExcessOfMass, 0, true),
    ];

    public static TheoryData<string> Cases => new() { "blobs", "ring", "uniform", "planted" };

    [Theory]
    [MemberData(nameof(Cases))]
    public void WithEveryPairInTheGraphTheLabelsAreTheFullForms(string name)
    {
        var embeddings = name == "planted" ? DbscanGraphTests.Library(seed: 3).Embeddings : ClusteringFixture.Load(name).Embeddings;
        var distances = DistanceMatrix.Compute(embeddings);
        var n = distances.Count;
        // Read off the same matrix, so pair distances are the very floats the full form compares.
        var graph = new NeighborGraph(KnnGraph.FromDistances(distances, n - 1));
        foreach (var s in Settings)
        {
            var options = Options(s);
            var full = Hdbscan.Cluster(distances, options);
            var onGraph = Hdbscan.Cluster(graph, options, out var fidelity);
            Assert.True(full.SequenceEqual(onGraph), $"{name} {s}: {Differences(full, onGraph)} faces differ");
            Assert.Equal(1, fidelity.Components);
            Assert.Equal(0, fidelity.ExhaustedFaces);
            Assert.True(full.Max() >= 1 || s.Single, $"{name} {s}: expected several clusters");
        }
    }

    [Fact]
    public void TheBuiltGraphAtKNMinusOneAgreesWithTheFullForm()
    {
        // KnnGraph.Build's kernel may round a pair differently from DistanceMatrix's; labels still agree.
        var embeddings = DbscanGraphTests.Library(seed: 4).Embeddings;
        var n = embeddings.Count;
        var graph = new NeighborGraph(KnnGraph.Build(embeddings, n - 1));
        var distances = DistanceMatrix.Compute(embeddings);
        foreach (var s in Settings)
        {
            var full = Hdbscan.Cluster(distances, Options(s));
            var onGraph = Hdbscan.Cluster(graph, Options(s), out _);
            Assert.Equal(1.0, PlantedBlobs.AdjustedRand(full, onGraph), 12);
        }
    }

    [Fact]
    public void WhereTheGraphHoldsAFullSpanningTreeTheLabelsAreTheFullForms()
    {
        // Tight, well-separated people of at most 20 faces and no noise: with k = 24 every face lists its
        // whole person and the nearest faces of the nearest people, which carry the full tree's edges.
        var (embeddings, truth) = PlantedBlobs.Make(32, [(20, 0.03), (15, 0.04), (18, 0.03), (12, 0.05), (20, 0.04), (16, 0.03)], noise: 0, seed: 21);
        var distances = DistanceMatrix.Compute(embeddings);
        const int k = 24;
        Assert.True(k < embeddings.Count / 4);
        var graph = new NeighborGraph(KnnGraph.FromDistances(distances, k));
        foreach (var minSamples in new[] { 2, 5, 10 })
        {
            var options = new HdbscanOptions { MinClusterSize = 8, MinSamples = minSamples };
            var fullTree = Hdbscan.Tree(distances, minSamples, default);
            var graphTree = Hdbscan.Tree(graph, minSamples, out var fidelity);
            // The precondition: the graph's spanning tree weighs what a full one does, so it is one.
            Assert.Equal(1, fidelity.Components);
            Assert.Equal(fullTree.Select(m => m.Distance), graphTree.Select(m => m.Distance));

            var full = Hdbscan.Cluster(distances, options);
            var onGraph = Hdbscan.Cluster(graph, options, out _);
            Assert.True(full.SequenceEqual(onGraph), $"minSamples={minSamples}: {Differences(full, onGraph)} faces differ");
            Assert.Equal(1.0, PlantedBlobs.AdjustedRand(truth, onGraph), 12);
        }
    }

    [Fact]
    public void ASparseGraphInPiecesIsWarnedAboutAndDiffers()
    {
        // k = 2 on people of 15 to 45 faces with noise: the lists fall apart into pieces, which the full
        // form's tree joins lower, and the labels differ.
        var (embeddings, truth) = DbscanGraphTests.Library(seed: 6);
        var n = embeddings.Count;
        var context = new ClusteringContext(embeddings, [.. Enumerable.Range(0, n)], new int[n], truth,
            neighbors: new NeighborChoice(NeighborStructure.Exact, 2));
        var algorithm = AlgorithmCatalog.Get(AlgorithmKind.Hdbscan);
        var setting = ParameterSet.Create("hdbscan", HdbscanOptions.Parameters, new Dictionary<string, string> { ["minClusterSize"] = "5", ["minSamples"] = "3" });
        var onGraph = algorithm.Cluster(context, setting, seed: 0);
        var full = Hdbscan.Cluster(DistanceMatrix.Compute(embeddings), HdbscanOptions.From(setting, n));

        var ari = PlantedBlobs.AdjustedRand(full, onGraph);
        output.WriteLine($"k=2: ARI to the full form {ari:0.####}; warnings: {string.Join(" | ", context.Warnings)}");
        Assert.True(ari < 1.0, "with the graph in pieces the labels should differ somewhere");
        Assert.Contains(context.Warnings, w => w.Contains("k=2") && w.Contains("components"));
    }

    [Fact]
    public void AConnectedSparseGraphThatDiffersIsWarnedAboutThroughItsExhaustedFaces()
    {
        // At k = 4 the graph is connected, yet the forest joins people through listed pairs instead of
        // their nearest ones and the labels move: only the exhausted-faces warning can say so.
        var (embeddings, truth) = DbscanGraphTests.Library(seed: 6);
        var n = embeddings.Count;
        var context = new ClusteringContext(embeddings, [.. Enumerable.Range(0, n)], new int[n], truth,
            neighbors: new NeighborChoice(NeighborStructure.Exact, 4));
        var setting = ParameterSet.Create("hdbscan", HdbscanOptions.Parameters, new Dictionary<string, string> { ["minClusterSize"] = "5", ["minSamples"] = "5" });
        var onGraph = AlgorithmCatalog.Get(AlgorithmKind.Hdbscan).Cluster(context, setting, seed: 0);
        var ari = PlantedBlobs.AdjustedRand(Hdbscan.Cluster(DistanceMatrix.Compute(embeddings), HdbscanOptions.From(setting, n)), onGraph);
        output.WriteLine($"k=4: ARI {ari:0.####}; {string.Join(" | ", context.Warnings)}");
        Assert.True(ari < 1.0);
        Assert.Contains(context.Warnings, w => w.Contains("k=4") && w.Contains("closer than the spanning-tree edge"));
    }

    [Fact]
    public void AtKNMinusOneTheAlgorithmWarnsOfNothingAndNeedsMinSamplesMinusOne()
    {
        var (embeddings, truth) = DbscanGraphTests.Library(seed: 7);
        var n = embeddings.Count;
        var context = new ClusteringContext(embeddings, [.. Enumerable.Range(0, n)], new int[n], truth,
            neighbors: new NeighborChoice(NeighborStructure.Exact, n - 1));
        var algorithm = AlgorithmCatalog.Get(AlgorithmKind.Hdbscan);
        var setting = ParameterSet.Create("hdbscan", HdbscanOptions.Parameters, new Dictionary<string, string> { ["minClusterSize"] = "5", ["minSamples"] = "6" });
        var onGraph = algorithm.Cluster(context, setting, seed: 0);
        Assert.Equal(1.0, PlantedBlobs.AdjustedRand(Hdbscan.Cluster(DistanceMatrix.Compute(embeddings), HdbscanOptions.From(setting, n)), onGraph), 12);
        Assert.Empty(context.Warnings);
        Assert.Equal(5, ((IGraphForm)algorithm).NeighborsNeeded(setting).K);
    }

    [Fact]
    public void DisconnectedPiecesAreSeparateClustersNotMergedByEpsilonOrRenamedNoise()
    {
        // Three people far apart and k = 5: the graph has one component per person, joined at infinite
        // distance. Each large one is its own cluster born at lambda 0 from the root, as in the full form,
        // where they split from the root at a large distance; the piece smaller than minClusterSize is noise.
        var (planted, plantedTruth) = PlantedBlobs.Make(32, [(30, 0.03), (25, 0.03), (6, 0.01)], noise: 0, seed: 8);
        // The small piece second in face order, so the forest finds it between the large ones: read as a
        // chain of binary joins it would fall out of the first piece's cluster and take its label.
        var order = Enumerable.Range(0, plantedTruth.Length).OrderBy(i => plantedTruth[i] switch { 0 => 0, 2 => 1, _ => 2 }).ThenBy(i => i).ToArray();
        var embeddings = planted.Select(order);
        var truth = order.Select(i => plantedTruth[i]).ToArray();
        var graph = new NeighborGraph(KnnGraph.Build(embeddings, 5));
        var labels = Hdbscan.Cluster(graph, new HdbscanOptions { MinClusterSize = 8, MinSamples = 3, ClusterSelectionEpsilon = 0.5 }, out var fidelity);
        Assert.Equal(3, fidelity.Components);
        Assert.Equal(2, labels.Max() + 1);
        Assert.All(Enumerable.Range(0, truth.Length).Where(i => truth[i] == 2), i => Assert.Equal(-1, labels[i]));
        Assert.Equal(1.0, PlantedBlobs.AdjustedRand(truth.Where(t => t < 2).ToArray(), Enumerable.Range(0, truth.Length).Where(i => truth[i] < 2).Select(i => labels[i]).ToArray()), 12);
    }

    private static HdbscanOptions Options((int Mcs, int? MinSamples, ClusterSelectionMethod Method, double Epsilon, bool Single) s) => new()
    {
        MinClusterSize = s.Mcs,
        MinSamples = s.MinSamples,
        ClusterSelectionMethod = s.Method,
        ClusterSelectionEpsilon = s.Epsilon,
        AllowSingleCluster = s.Single,
    };

    private static int Differences(int[] a, int[] b) => Enumerable.Range(0, a.Length).Count(i => Partition.Canonical(a)[i] != Partition.Canonical(b)[i]);
}
