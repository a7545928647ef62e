using FaceEval.Core.Algorithms;
using FaceEval.Core.Embeddings;
using FaceEval.Core.Errors;

namespace FaceEval.Core.Tests.Algorithms;

public class HdbscanTests
{
    // Four blobs of different sizes and spreads (cosine distance inside ~0.07 to ~0.3) and uniform
    // noise (distance ~1 to everything) in 32 dimensions.
    private static readonly (int, double)[] Blobs = [(150, 0.05), (90, 0.12), (45, 0.08), (25, 0.06)];

    private static (DistanceMatrix Distances, int[] Truth) Planted(int seed) =>
        Planted(Blobs, noise: 60, seed);

    private static (DistanceMatrix Distances, int[] Truth) Planted((int, double)[] blobs, int noise, int seed)
    {
        var (embeddings, truth) = PlantedBlobs.Make(32, blobs, noise, seed);
        return (DistanceMatrix.Compute(embeddings), truth);
    }

    private static int ClusterCount(int[] labels) => labels.Where(l => l >= 0).Distinct().Count();

    [Theory]
    [InlineData(1, ClusterSelectionMethod.ExcessOfMass)]
    [InlineData(2, ClusterSelectionMethod.ExcessOfMass)]
    [InlineData(3, ClusterSelectionMethod.Leaf)]
    public void RecoversPlantedBlobsAndLabelsNoise(int seed, ClusterSelectionMethod method)
    {
        var (distances, truth) = Planted(seed);
        var labels = Hdbscan.Cluster(distances, new HdbscanOptions { MinClusterSize = 10, ClusterSelectionMethod = method });

        Assert.Equal(truth.Length, labels.Length);
        Assert.Equal(Blobs.Length, ClusterCount(labels));
        Assert.Equal(Enumerable.Range(0, Blobs.Length), labels.Where(l => l >= 0).Distinct().Order());

        var planted = Enumerable.Range(0, truth.Length).Where(i => truth[i] >= 0).ToArray();
        var ari = PlantedBlobs.AdjustedRand(planted.Select(i => truth[i]).ToArray(), planted.Select(i => labels[i]).ToArray());
        Assert.True(ari >= 0.95, $"ARI on planted faces {ari:F3}");

        var noise = Enumerable.Range(0, truth.Length).Where(i => truth[i] < 0).ToArray();
        var noiseAsNoise = noise.Count(i => labels[i] == -1);
        Assert.True(noiseAsNoise >= 0.9 * noise.Length, $"{noiseAsNoise} of {noise.Length} noise faces labelled -1");
    }

    [Fact]
    public void BlobSmallerThanMinClusterSizeIsNotACluster()
    {
        var (distances, truth) = Planted(seed: 4);
        var labels = Hdbscan.Cluster(distances, new HdbscanOptions { MinClusterSize = 30, MinSamples = 10 });

        // The 25-face blob (index 3) cannot be a cluster of its own: its faces are noise or share a
        // label with faces of another blob.
        var small = Enumerable.Range(0, truth.Length).Where(i => truth[i] == 3).ToArray();
        foreach (var label in small.Select(i => labels[i]).Where(l => l >= 0).Distinct())
        {
            Assert.Contains(Enumerable.Range(0, truth.Length), i => labels[i] == label && truth[i] != 3);
        }

        Assert.DoesNotContain(labels.Where(l => l >= 0).Distinct(), l => small.Count(i => labels[i] == l) == labels.Count(x => x == l));

        // The three larger blobs are still found, one cluster each.
        for (var b = 0; b < 3; b++)
        {
            var members = Enumerable.Range(0, truth.Length).Where(i => truth[i] == b).Select(i => labels[i]).ToArray();
            var majority = members.GroupBy(l => l).MaxBy(g => g.Count())!;
            Assert.True(majority.Key >= 0 && majority.Count() >= 0.9 * members.Length);
        }

        Assert.Equal(3, ClusterCount(labels));
    }

    [Fact]
    public void BlobOfExactlyMinClusterSizeIsACluster()
    {
        // A split side counts as a cluster when its size >= MinClusterSize (not >). No noise faces,
        // which could join a 10-face blob and lift it to 11.
        var (distances, truth) = Planted([(10, 0.04), (10, 0.04), (14, 0.04)], noise: 0, seed: 12);
        var labels = Hdbscan.Cluster(distances, new HdbscanOptions { MinClusterSize = 10, MinSamples = 3 });
        Assert.Equal(3, ClusterCount(labels));
        var planted = Enumerable.Range(0, truth.Length).Where(i => truth[i] >= 0).ToArray();
        Assert.Equal(1.0, PlantedBlobs.AdjustedRand(planted.Select(i => truth[i]).ToArray(), planted.Select(i => labels[i]).ToArray()), 12);

        var strict = Hdbscan.Cluster(distances, new HdbscanOptions { MinClusterSize = 11, MinSamples = 3 });
        Assert.True(ClusterCount(strict) < 3);
    }

    [Fact]
    public void IsDeterministicAndInvariantToFaceOrder()
    {
        var (embeddings, _) = PlantedBlobs.Make(32, Blobs, 60, seed: 5);
        var options = new HdbscanOptions { MinClusterSize = 8, MinSamples = 4 };
        var labels = Hdbscan.Cluster(DistanceMatrix.Compute(embeddings), options);
        Assert.Equal(labels, Hdbscan.Cluster(DistanceMatrix.Compute(embeddings), options));

        var permutation = Enumerable.Range(0, embeddings.Count).Reverse().ToArray();
        var permuted = Hdbscan.Cluster(DistanceMatrix.Compute(embeddings.Select(permutation)), options);
        var back = new int[labels.Length];
        for (var p = 0; p < permutation.Length; p++)
        {
            back[permutation[p]] = permuted[p];
        }

        Assert.Equal(1.0, PlantedBlobs.AdjustedRand(labels, back), 12);
        Assert.Equal(labels.Select(l => l < 0), back.Select(l => l < 0));
    }

    [Fact]
    public void SingleBlobNeedsAllowSingleCluster()
    {
        var (distances, truth) = Planted([(120, 0.05)], noise: 30, seed: 6);
        var single = Hdbscan.Cluster(distances, new HdbscanOptions { MinClusterSize = 15, AllowSingleCluster = true });
        Assert.Equal(1, ClusterCount(single));

        // As in the reference, only faces that stay in the root until the last face leaves it get its
        // label: a core of the blob, never a noise face.
        Assert.All(Enumerable.Range(0, truth.Length).Where(i => single[i] == 0), i => Assert.Equal(0, truth[i]));
        Assert.InRange(single.Count(l => l == 0), 15, 120);

        // Without it the root may not be chosen, so the blob cannot come out whole.
        var blob = Enumerable.Range(0, truth.Length).Where(i => truth[i] == 0).ToArray();
        var split = Hdbscan.Cluster(distances, new HdbscanOptions { MinClusterSize = 15 });
        Assert.False(blob.All(i => split[i] == split[blob[0]] && split[i] >= 0));
    }

    [Fact]
    public void EpsilonMergesClustersThatSplitBelowIt()
    {
        // Two tight blobs close to each other (the second is the first one's centre nudged), far
        // from a third: a large epsilon merges the close pair, epsilon 0 keeps them apart.
        var rng = new Random(8);
        double G() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        const int d = 32;
        var a = Enumerable.Range(0, d).Select(_ => G()).ToArray();
        var b = a.Select(v => v + 0.6 * G()).ToArray();
        var c = Enumerable.Range(0, d).Select(_ => G()).ToArray();
        var rows = new List<float>();
        var truth = new List<int>();
        foreach (var (center, id) in new[] { (a, 0), (b, 1), (c, 2) })
        {
            var norm = Math.Sqrt(center.Sum(v => v * v));
            for (var i = 0; i < 40; i++)
            {
                rows.AddRange(center.Select(v => (float)(v / norm + 0.03 * G())));
                truth.Add(id);
            }
        }

        var distances = DistanceMatrix.Compute(EmbeddingMatrix.FromRowMajor([.. rows], truth.Count, d));
        var separate = Hdbscan.Cluster(distances, new HdbscanOptions { MinClusterSize = 10 });
        Assert.Equal(1.0, PlantedBlobs.AdjustedRand(truth, separate), 12);

        var pairDistance = distances[0, 40];
        Assert.InRange(pairDistance, 0.1, 0.5);
        var merged = Hdbscan.Cluster(distances, new HdbscanOptions { MinClusterSize = 10, ClusterSelectionEpsilon = 0.6 });
        Assert.Equal(2, ClusterCount(merged));
        Assert.All(Enumerable.Range(0, 80), i => Assert.Equal(merged[0], merged[i]));
        Assert.NotEqual(merged[0], merged[100]);
    }

    [Fact]
    public void CoreDistanceCountsTheFaceItself()
    {
        var (embeddings, _) = PlantedBlobs.Make(8, [(30, 0.2)], 10, seed: 9);
        var distances = DistanceMatrix.Compute(embeddings);
        Assert.All(MutualReachabilityLinkage.CoreDistances(distances, 1, default), v => Assert.Equal(0f, v));

        var core3 = MutualReachabilityLinkage.CoreDistances(distances, 3, default);
        for (var i = 0; i < distances.Count; i++)
        {
            var sorted = distances.Row(i).ToArray().Order().ToArray();
            Assert.Equal(0f, sorted[0]);
            Assert.Equal(sorted[2], core3[i]);
        }
    }

    [Fact]
    public void SpanningTreeIsMinimal()
    {
        // Prim's tree must weigh as much as Kruskal's over all mutual-reachability edges.
        var (embeddings, _) = PlantedBlobs.Make(8, [(40, 0.1), (30, 0.3)], 25, seed: 10);
        var distances = DistanceMatrix.Compute(embeddings);
        var n = distances.Count;
        var core = MutualReachabilityLinkage.CoreDistances(distances, 4, default);
        var merges = MutualReachabilityLinkage.Build(distances, core, default);

        var edges = new List<(double W, int A, int B)>();
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                edges.Add((Math.Max(Math.Max(core[i], core[j]), distances[i, j]), i, j));
            }
        }

        var parent = Enumerable.Range(0, n).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        var kruskal = 0.0;
        foreach (var (w, a, b) in edges.OrderBy(e => e.W))
        {
            if (Find(a) != Find(b))
            {
                parent[Find(a)] = Find(b);
                kruskal += w;
            }
        }

        Assert.Equal(n - 1, merges.Length);
        Assert.Equal(kruskal, merges.Sum(m => (double)m.Distance), 4);
        Assert.True(merges.Zip(merges.Skip(1)).All(p => p.First.Distance <= p.Second.Distance));
        Assert.Equal(n, merges[^1].Size);
    }

    [Theory]
    [InlineData(1, null, 0.0)]
    [InlineData(5, 0, 0.0)]
    [InlineData(5, null, -0.1)]
    [InlineData(5, 500, 0.0)] // more than the 55 faces
    public void InvalidOptionsAreUsageErrors(int minClusterSize, int? minSamples, double epsilon)
    {
        var (distances, _) = Planted([(40, 0.1)], noise: 15, seed: 11);
        // Options are refused where they are made (out of their declared range) or where they meet the data (minSamples > N).
        var ex = Assert.Throws<FaceEvalException>(() =>
            Hdbscan.Cluster(distances, new HdbscanOptions { MinClusterSize = minClusterSize, MinSamples = minSamples, ClusterSelectionEpsilon = epsilon }));
        Assert.Equal(ErrorKind.Usage, ex.Kind);
    }

    [Fact]
    public void TinyInputs()
    {
        var one = DistanceMatrix.Compute(EmbeddingMatrix.FromRowMajor([1f, 0f], 1, 2));
        Assert.Equal([-1], Hdbscan.Cluster(one, new HdbscanOptions { MinClusterSize = 2, MinSamples = 1 }));
        var empty = DistanceMatrix.Compute(EmbeddingMatrix.FromRowMajor([], 0, 2));
        Assert.Empty(Hdbscan.Cluster(empty, new HdbscanOptions()));
    }

    [Fact]
    public void ASweepSharingOneTreePerMinSamplesLabelsAsFreshRunsDo()
    {
        var (embeddings, _) = PlantedBlobs.Make(32, Blobs, 60, seed: 4);
        var n = embeddings.Count;
        var context = new ClusteringContext(embeddings, [.. Enumerable.Range(0, n)], [.. Enumerable.Range(0, n)], new int[n]);
        var algorithm = new HdbscanAlgorithm();
        foreach (var (minClusterSize, minSamples, method) in new[] { (5, 5, "excess-of-mass"), (20, 5, "excess-of-mass"), (20, 5, "leaf"), (40, 3, "excess-of-mass"), (10, 3, "leaf") })
        {
            var parameters = ParameterSet.Create("hdbscan", algorithm.Parameters, new Dictionary<string, string>
            {
                ["minClusterSize"] = $"{minClusterSize}",
                ["minSamples"] = $"{minSamples}",
                ["clusterSelectionMethod"] = method,
            });
            var fresh = Hdbscan.Cluster(context.Distances, new HdbscanOptions
            {
                MinClusterSize = minClusterSize,
                MinSamples = minSamples,
                ClusterSelectionMethod = method == "leaf" ? ClusterSelectionMethod.Leaf : ClusterSelectionMethod.ExcessOfMass,
            });
            Assert.Equal(fresh, algorithm.Cluster(context, parameters, seed: 0));
        }
    }
}
