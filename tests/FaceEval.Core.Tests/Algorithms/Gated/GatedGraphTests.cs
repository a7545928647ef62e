using System.Diagnostics;
using FaceEval.Core.Algorithms;
using FaceEval.Core.Embeddings;
using FaceEval.Core.Neighbors;
using FaceEval.Core.Tests.Support;
using FaceEval.Core.Tests.TestData;
using Xunit.Abstractions;

namespace FaceEval.Core.Tests.Algorithms;

/// <summary>
/// The gated pipeline on a k-nearest-neighbour graph (candidate people from graph neighbours, cohesion
/// from embeddings, leftover edges from the graph) against the full-matrix form, and the cohesion verdict
/// against an independent sort-based numpy-style percentile.
/// </summary>
public class GatedGraphTests(ITestOutputHelper output)
{
    private static readonly GatedOptions[] Settings =
    [
        new() { ClusterEvery = 15, NameMinFaces = 4 },
        new() { AssignDistance = 0.6, CohesionMax = 1.0, Margin = 0, ClusterEvery = 7, ClusterDistance = 0.6,
            FoldDistance = 0.6, FoldCohesionMax = 1.0, FoldMaxRelativeSize = 2, FoldMargin = 0, NameMinFaces = 3, NamePurity = 0.6 },
        new() { AssignDistance = 0.5, CohesionMax = 0.7, ClusterEvery = 25, ClusterDistance = 0.7 },
    ];

    [Theory]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(9)]
    public void WithEveryOtherFaceListedTheGraphFormEqualsTheFullForm(int seed)
    {
        var (embeddings, truth, photos) = GatedPipelineTests.Library(seed);
        var neighbors = new NeighborGraph(KnnGraph.Build(embeddings, embeddings.Count - 1));
        var order = Planted.Shuffle(truth.Length, new Random(seed));
        var full = new GatedInputs(embeddings, DistanceMatrix.Compute(embeddings), order, photos, truth);
        var onGraph = full with { Distances = null, Neighbors = neighbors };
        foreach (var options in Settings)
        {
            var a = GatedPipeline.Run(full, options, seed);
            var b = GatedPipeline.Run(onGraph, options, seed);

            Assert.True(a.Labels.SequenceEqual(b.Labels), $"seed {seed} {options}: labels differ");
            Assert.Equal(a with { Labels = [] }, b with { Labels = [] });
            Assert.True(a.People >= 2 && a.FacesByGate > 0, $"seed {seed}: {a.People} people, {a.FacesByGate} by gate; nothing exercised");
        }
    }

    [Fact]
    public void TheAuditFindsNoMissWithEveryFaceListedAndMissesWithOne()
    {
        var (embeddings, truth, photos) = GatedPipelineTests.Library(seed: 5);
        var order = Planted.Shuffle(truth.Length, new Random(3));
        var options = Settings[1];
        GatedCandidateAudit Audit(int k)
        {
            var neighbors = new NeighborGraph(KnnGraph.Build(embeddings, k));
            var inputs = new GatedInputs(embeddings, null, order, photos, truth, Neighbors: neighbors);
            var geometry = new GatedGraphGeometry(embeddings, neighbors, options);
            GatedPipeline.Run(inputs, options, 0, null, geometry);
            return geometry.Audit;
        }

        var all = Audit(embeddings.Count - 1);
        var one = Audit(1);
        output.WriteLine($"k=N-1: {all}; k=1: {one}");

        Assert.Equal(truth.Length, all.Arrivals);
        Assert.Equal(0, all.NearestMissed + all.SecondMissed + all.NearestMissedInReach + all.MarginVerdictsChanged);
        Assert.True(one.NearestMissed + one.SecondMissed > 0, "with one neighbour per face some nearest person should lie outside the candidates");
    }

    [Fact]
    public void CohesionFromEmbeddingsEqualsTheMatrixAndASortedPercentile()
    {
        var rng = new Random(4);
        var (embeddings, _, _) = GatedPipelineTests.Library(seed: 6);
        var distances = DistanceMatrix.Compute(embeddings);
        for (var trial = 0; trial < 40; trial++)
        {
            var faces = Enumerable.Range(0, embeddings.Count).OrderBy(_ => rng.Next()).Take(2 + rng.Next(60)).ToArray();
            var pairs = new List<double>();
            for (var i = 0; i < faces.Length; i++)
            {
                for (var j = i + 1; j < faces.Length; j++)
                {
                    pairs.Add(distances[faces[i], faces[j]]);
                }
            }

            pairs.Sort();
            var position = 0.9 * (pairs.Count - 1);
            var lower = (int)Math.Floor(position);
            var p90 = pairs[lower] + (position - lower) * (pairs[Math.Min(lower + 1, pairs.Count - 1)] - pairs[lower]);

            // At the percentile itself (a boundary), and either side of it.
            foreach (var limit in new[] { p90, p90 - 1e-4, p90 + 1e-4, pairs[lower] })
            {
                var fromEmbeddings = CohesionTest.AtMost(embeddings, faces, limit, sampleAbove: 1000);
                Assert.Equal(CohesionTest.AtMost(distances, faces, limit), fromEmbeddings);
                Assert.Equal(p90 <= limit, fromEmbeddings);
            }
        }
    }

    [Fact]
    public void ALargeSetIsJudgedOnASeededSampleThatAgreesAwayFromTheLimit()
    {
        var (embeddings, _, _) = GatedPipelineTests.Library(seed: 7);
        var distances = DistanceMatrix.Compute(embeddings);
        var faces = Enumerable.Range(0, embeddings.Count).ToArray();

        var p90 = P90(distances, faces);
        Assert.Equal(CohesionTest.AtMost(embeddings, faces, p90 * 1.1, sampleAbove: 60), CohesionTest.AtMost(embeddings, faces, p90 * 1.1, sampleAbove: 60));
        Assert.True(CohesionTest.AtMost(embeddings, faces, p90 * 1.1, sampleAbove: 60));
        Assert.False(CohesionTest.AtMost(embeddings, faces, p90 * 0.9, sampleAbove: 60));
    }

    [Fact]
    public void TheAlgorithmRunsOnTheGraphAndWarnsOfCutOffLeftoverEdgesAndOfItsCandidateSearch()
    {
        var (embeddings, truth, photos) = GatedPipelineTests.Library(seed: 5);
        var order = Planted.Shuffle(truth.Length, new Random(1));
        var setting = ParameterSet.Create("gated", GatedOptions.Parameters, new Dictionary<string, string> { ["clusterDistance"] = "0.9", ["clusterEvery"] = "20" });
        var full = new ClusteringContext(embeddings, order, photos, truth);
        var wide = new ClusteringContext(embeddings, order, photos, truth, neighbors: new NeighborChoice(NeighborStructure.Exact, embeddings.Count - 1));
        var narrow = new ClusteringContext(embeddings, order, photos, truth, neighbors: new NeighborChoice(NeighborStructure.Exact, 2));
        var gated = AlgorithmCatalog.Get(AlgorithmKind.Gated);

        Assert.Equal(gated.Cluster(full, setting, 3), gated.Cluster(wide, setting, 3));
        Assert.Empty(wide.Warnings);
        gated.Cluster(narrow, setting, 3);
        Assert.Equal(2, narrow.Warnings.Count);
        Assert.All(narrow.Warnings, w => Assert.Contains("k=2", w));
        Assert.Contains(narrow.Warnings, w => w.Contains("two hops", StringComparison.Ordinal));
        Assert.Equal(1, ((IGraphForm)gated).NeighborsNeeded(setting).K);
    }

    [SharedDataFact("embeddings/fiw/arcface_w600k_mbf_int8.npy")]
    public void OnFiwTheK32GraphFormIsMeasuredAgainstTheFullForm()
    {
        var embeddings = SharedEmbeddings.Load("fiw", "arcface_w600k_mbf_int8");
        var table = SharedEmbeddings.FaceColumns("fiw", "person", "family", "photo");
        var truth = Ids(table.Select(r => r[0]));
        var photos = Ids(table.Select(r => r[1] + "/" + r[2]));
        var order = Enumerable.Range(0, embeddings.Count).ToArray();
        var neighbors = new NeighborGraph(KnnGraph.Build(embeddings, 32));
        var full = new GatedInputs(embeddings, DistanceMatrix.Compute(embeddings), order, photos, truth);
        var minimumAri = new[] { 1.0, 0.9 };
        var settings = new[] { new GatedOptions(), new GatedOptions { AssignDistance = 0.45, ClusterDistance = 0.6 } };
        for (var s = 0; s < settings.Length; s++)
        {
            var options = settings[s];
            var clock = Stopwatch.StartNew();
            var a = GatedPipeline.Run(full, options, 0);
            var fullSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var geometry = new GatedGraphGeometry(embeddings, neighbors, options);
            var b = GatedPipeline.Run(full with { Distances = null, Neighbors = neighbors }, options, 0, null, geometry);
            var ari = PlantedBlobs.AdjustedRand(a.Labels, b.Labels);
            output.WriteLine($"fiw {embeddings.Count} faces, assign {options.AssignDistance} cluster {options.ClusterDistance}: full {fullSeconds:F1} s, graph k=32 (audited) {clock.Elapsed.TotalSeconds:F1} s; " +
                $"ARI {ari:F4}; people {a.People} / {b.People}; {neighbors.CutOffCount(options.ClusterDistance, inclusive: false)} faces cut off at clusterDistance; {geometry.Audit}");

            // Measured: the default setting gives the full form's labels; at clusterDistance 0.6 the k-capped
            // leftover graph (not the candidates: scanning every person gives the same ARI) costs some agreement.
            Assert.True(ari >= minimumAri[s], $"ARI {ari}");
        }
    }

    private static double P90(DistanceMatrix distances, int[] faces)
    {
        var pairs = new List<double>();
        for (var i = 0; i < faces.Length; i++)
        {
            for (var j = i + 1; j < faces.Length; j++)
            {
                pairs.Add(distances[faces[i], faces[j]]);
            }
        }

        pairs.Sort();
        var position = 0.9 * (pairs.Count - 1);
        var lower = (int)Math.Floor(position);
        return pairs[lower] + (position - lower) * (pairs[lower + 1] - pairs[lower]);
    }

    private static int[] Ids(IEnumerable<string> keys)
    {
        var map = new Dictionary<string, int>();
        return keys.Select(k => k.Length == 0 ? -1 : map.TryGetValue(k, out var id) ? id : map[k] = map.Count).ToArray();
    }
}
