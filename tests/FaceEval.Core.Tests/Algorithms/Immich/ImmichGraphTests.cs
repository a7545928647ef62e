using System.Diagnostics;
using FaceEval.Core.Algorithms;
using FaceEval.Core.Embeddings;
using FaceEval.Core.Errors;
using FaceEval.Core.Evaluation;
using FaceEval.Core.Neighbors;
using FaceEval.Core.Tests.Support;
using FaceEval.Core.Tests.TestData;
using Xunit.Abstractions;

namespace FaceEval.Core.Tests.Algorithms;

/// <summary>
/// The Immich replay on a k-nearest-neighbour graph (exact searches past the graph where it cannot answer)
/// against the full-matrix replay: "graph form equals full form" is the claim, so the full form is the reference.
/// </summary>
public class ImmichGraphTests(ITestOutputHelper output)
{
    private static readonly string[] Schedules = ["reset", "reset:minFaces=2", "reset:minFaces=12", "reset:minFaces=20, missing:minFaces=10, missing:minFaces=3", "reset:minFaces=3:maxDistance=0.3, reset:minFaces=2:maxDistance=0.7"];

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void WithEveryOtherFaceListedTheGraphFormEqualsTheFullForm(int seed)
    {
        var (embeddings, truth) = ImmichRecognitionTests.LookAlikeFaces(seed);
        var distances = DistanceMatrix.Compute(embeddings);
        var graph = KnnGraph.Build(embeddings, embeddings.Count - 1);
        var order = Planted.Shuffle(truth.Length, new Random(seed));
        foreach (var text in Schedules)
        {
            var schedule = ImmichSchedule.Parse(text);
            var full = ImmichRecognition.Run(distances, order, schedule);
            var onGraph = ImmichRecognition.Run(embeddings, graph, order, schedule);

            Assert.True(full.Labels.SequenceEqual(onGraph.Labels), $"{text}: labels differ");
            Assert.Equal(full.Runs, onGraph.Runs);
            Assert.True(full.People >= 2, $"{text}: only {full.People} people; nothing to compare");
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(12)]
    public void WithASmallKTheSearchesPastTheGraphKeepTheLabelsExact(int k)
    {
        // Blobs of 15-45 faces: a face's k nearest lie within maxDistance and often hold no person yet, so
        // the nearest face with a person must be found past the graph.
        var (embeddings, _) = DbscanGraphTests.Library(seed: 7);
        var distances = DistanceMatrix.Compute(embeddings);
        var graph = KnnGraph.Build(embeddings, k);
        var order = Planted.Shuffle(embeddings.Count, new Random(k));
        long exact = 0;
        foreach (var text in new[] { "reset:minFaces=3:maxDistance=0.2", "reset:minFaces=2:maxDistance=0.3", "reset:minFaces=3:maxDistance=0.25, missing:minFaces=2:maxDistance=0.3" })
        {
            var schedule = ImmichSchedule.Parse(text);
            if (schedule.Runs.Max(r => r.MinFaces) - 1 > k)
            {
                continue;
            }

            var full = ImmichRecognition.Run(distances, order, schedule);
            var onGraph = ImmichRecognition.Run(embeddings, graph, order, schedule);

            Assert.True(full.Labels.SequenceEqual(onGraph.Labels), $"{text} k={k}: labels differ");
            Assert.Equal(full.Runs.Select(r => r with { ExactSearches = 0 }), onGraph.Runs.Select(r => r with { ExactSearches = 0 }));
            Assert.True(full.People >= 5, $"{text}: only {full.People} people");
            exact += onGraph.Runs.Sum(r => r.ExactSearches);
            output.WriteLine($"k={k} {text}: {full.People} people, {onGraph.Runs.Sum(r => r.ExactSearches)} exact searches of {onGraph.Runs.Sum(r => r.Queued + r.Deferred)}");
        }

        Assert.True(exact > 0, $"k={k}: no search went past the graph; the fallback was not exercised");
    }

    [Fact]
    public void ANearestPersonBeyondTheGraphIsFoundAndCounted()
    {
        // k = 2. Face 0 (0°) lists 20° and 21°, both within reach, but nobody has a person yet: nothing to
        // search, it founds a person. Face 1 (20°) lists 21° and 22°, without a person: the exact search
        // finds face 0 (20° away) beyond its list, so it joins face 0's person rather than founding one
        // (the list alone would give [0, 1, 1, 1]). Faces 2 and 3 list face 1, which has a person by then.
        var embeddings = Planted.Angles(0, 20, 21, 22);
        var graph = KnnGraph.Build(embeddings, 2);
        var schedule = ImmichSchedule.Parse("reset:minFaces=2");

        var onGraph = ImmichRecognition.Run(embeddings, graph, [0, 1, 2, 3], schedule);
        var full = ImmichRecognition.Run(DistanceMatrix.Compute(embeddings), [0, 1, 2, 3], schedule);

        Assert.Equal([0, 0, 0, 0], onGraph.Labels);
        Assert.Equal(full.Labels, onGraph.Labels);
        Assert.Equal(1, onGraph.Runs[0].ExactSearches);
        Assert.Equal(1, onGraph.Runs[0].PeopleCreated);
    }

    [Fact]
    public void TheAlgorithmWarnsHowManySearchesWentPastTheGraph()
    {
        var embeddings = Planted.Angles(0, 20, 21, 22);
        var context = new ClusteringContext(embeddings, [0, 1, 2, 3], new int[4], new int[4], neighbors: new NeighborChoice(NeighborStructure.Exact, 2));
        var setting = Setting(new() { ["minFaces"] = "2" });

        var labels = AlgorithmCatalog.Get(AlgorithmKind.Immich).Cluster(context, setting, seed: 0);

        Assert.Equal([0, 0, 0, 0], labels);
        var warning = Assert.Single(context.Warnings);
        Assert.Contains("1 of 4 searches", warning);
        Assert.Contains("k=2", warning);
    }

    [Fact]
    public void NeighborsNeededIsTheLargestMinFacesOfTheSchedule()
    {
        var algorithm = (IGraphForm)AlgorithmCatalog.Get(AlgorithmKind.Immich);

        Assert.Equal(3, algorithm.NeighborsNeeded(Setting(new())).K);
        Assert.Equal(20, algorithm.NeighborsNeeded(Setting(new() { ["schedule"] = "reset:minFaces=20, missing:minFaces=10, missing" })).K);

        var settings = new[] { Setting(new() { ["minFaces"] = "40" }) };
        var error = Assert.Throws<FaceEvalException>(() =>
            NeighborPlan.Resolve(new NeighborRequest(NeighborStructure.Exact, 32), AlgorithmCatalog.Get(AlgorithmKind.Immich), settings, 1000));
        Assert.Equal(ErrorKind.Usage, error.Kind);
        Assert.Contains("minFaces=40", error.Message);
        Assert.Equal(40, NeighborPlan.Resolve(new NeighborRequest(NeighborStructure.Exact, 40), AlgorithmCatalog.Get(AlgorithmKind.Immich), settings, 1000).K);
    }

    [Fact]
    public void AGraphTooSmallForMinFacesIsRefused()
    {
        var embeddings = Planted.Angles(0, 1, 2, 3, 4, 5);
        var error = Assert.Throws<FaceEvalException>(() =>
            ImmichRecognition.Run(embeddings, KnnGraph.Build(embeddings, 2), [0, 1, 2, 3, 4, 5], ImmichSchedule.Parse("reset:minFaces=4")));

        Assert.Equal(ErrorKind.Usage, error.Kind);
    }

    [SharedDataFact("embeddings/fiw/arcface_w600k_mbf_int8.npy")]
    public void OnFiwTheK32GraphFormEqualsTheFullForm()
    {
        var embeddings = SharedEmbeddings.Load("fiw", "arcface_w600k_mbf_int8");
        var distances = DistanceMatrix.Compute(embeddings);
        var graph = KnnGraph.Build(embeddings, 32);
        var order = Enumerable.Range(0, embeddings.Count).ToArray();
        foreach (var text in new[] { "reset", "reset:minFaces=20, missing:minFaces=10, missing:minFaces=3" })
        {
            var schedule = ImmichSchedule.Parse(text);
            var clock = Stopwatch.StartNew();
            var full = ImmichRecognition.Run(distances, order, schedule);
            var fullSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var onGraph = ImmichRecognition.Run(embeddings, graph, order, schedule);
            output.WriteLine($"{embeddings.Count} faces, {text}: full {fullSeconds:F2} s, graph k=32 {clock.Elapsed.TotalSeconds:F2} s, " +
                $"{onGraph.Runs.Sum(r => r.ExactSearches)} exact searches of {onGraph.Runs.Sum(r => (long)r.Queued + r.Deferred)}, {full.People} people");

            Assert.True(full.Labels.SequenceEqual(onGraph.Labels), $"{text}: labels differ");
        }
    }

    private static ParameterSet Setting(Dictionary<string, string> values) => ParameterSet.Create("immich", ImmichSchedule.Parameters, values);
}
