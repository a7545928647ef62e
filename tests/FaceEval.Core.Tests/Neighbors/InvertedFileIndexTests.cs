using System.Text.Json;
using FaceEval.Core.Embeddings;
using FaceEval.Core.Errors;
using FaceEval.Core.Neighbors;
using FaceEval.Core.Tests.TestData;

namespace FaceEval.Core.Tests.Neighbors;

/// <summary>
/// The approx structure against independent references: faiss IndexFlatIP neighbours and a planted graph
/// whose recall numpy computed (Fixtures/ivf_neighbors.json, tools/fixtures/make_ivf_fixtures.py), and the
/// planted truth that probing every list is the exact search.
/// </summary>
public class InvertedFileIndexTests
{
    private sealed record Fixture(int K, double Near, int Dimension, float[][] Vectors, int[][] Exact, double[][] ExactDistances, int[] Checked,
        int[][] Planted, double PlantedRecall, double PlantedNearRecall, long PlantedNearPairs);

    private static readonly Lazy<Fixture> s_fixture = new(() => JsonSerializer.Deserialize<Fixture>(
        File.ReadAllText(RepoPaths.Fixture("ivf_neighbors.json")), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!);

    private static EmbeddingMatrix Vectors()
    {
        var f = s_fixture.Value;
        return EmbeddingMatrix.FromRowMajor(f.Vectors.SelectMany(v => v).ToArray(), f.Vectors.Length, f.Dimension);
    }

    [Fact]
    public void ProbingEveryListGivesFaissExactNeighbours()
    {
        var f = s_fixture.Value;
        var graph = InvertedFileIndex.BuildGraph(Vectors(), f.K, new IvfParameters(12, 12));

        foreach (var i in f.Checked)
        {
            Assert.Equal(f.Exact[i], graph.Neighbors(i).ToArray());
            for (var e = 0; e < f.K; e++)
            {
                Assert.Equal(f.ExactDistances[i][e], graph.Distances(i)[e], tolerance: 1e-5);
            }
        }

        Assert.Equal(1.0, GraphRecall.Measure(Vectors(), graph, 10_000, seed: 1).Recall);
    }

    [Fact]
    public void ProbingEveryListEqualsTheExactGraphBitForBit()
    {
        var faces = Vectors();
        var approx = InvertedFileIndex.BuildGraph(faces, 8, new IvfParameters(20, 20, seed: 5));
        var exact = KnnGraph.Build(faces, 8);

        Assert.Equal(exact.NeighborData.ToArray(), approx.NeighborData.ToArray());
        Assert.Equal(exact.DistanceData.ToArray(), approx.DistanceData.ToArray());
    }

    [Fact]
    public void FewProbesMissSomeNeighboursAndTheRecallMeasuredIsTheRecallAgainstFaiss()
    {
        var f = s_fixture.Value;
        var faces = Vectors();
        var graph = InvertedFileIndex.BuildGraph(faces, f.K, new IvfParameters(24, 2, seed: 3));

        // Independent recall: our rows against faiss's exact ids, over the rows without near-ties.
        var hits = f.Checked.Sum(i => graph.Neighbors(i).ToArray().Intersect(f.Exact[i]).Count());
        var expected = (double)hits / (f.Checked.Length * f.K);
        var measured = GraphRecall.Measure(faces, graph, 10_000, seed: 1);

        Assert.InRange(expected, 0.3, 0.99);
        Assert.Equal(expected, measured.Recall, tolerance: 0.02);
        Assert.Equal(faces.Count, measured.Queries);

        // Whatever is missed, each neighbour held is at its true distance and rows stay in order.
        for (var i = 0; i < faces.Count; i++)
        {
            var row = graph.Neighbors(i);
            for (var e = 0; e < f.K; e++)
            {
                Assert.NotEqual(i, row[e]);
                Assert.Equal(Math.Max(0f, faces.Distance(i, row[e])), graph.Distances(i)[e], tolerance: 1e-5);
                Assert.True(e == 0 || graph.Distances(i)[e - 1] <= graph.Distances(i)[e]);
            }
        }
    }

    [Fact]
    public void ThePlantedGraphsRecallIsWhatNumpyComputed()
    {
        var f = s_fixture.Value;
        var faces = Vectors();
        var n = faces.Count;
        var ids = f.Planted.SelectMany(r => r).ToArray();
        var distances = f.Planted.SelectMany((r, i) => r.Select(j => Math.Max(0f, faces.Distance(i, j)))).ToArray();
        var graph = KnnGraph.FromArrays(n, f.K, ids, distances);

        var all = GraphRecall.Measure(faces, graph, n, seed: 1);
        var sample = GraphRecall.Measure(faces, graph, 120, seed: 9);

        Assert.Equal(f.PlantedRecall, all.Recall, 3);
        Assert.Equal(f.PlantedNearRecall, all.NearRecall, 3);
        Assert.Equal(f.PlantedNearPairs, all.NearPairs);
        Assert.Equal(120, sample.Queries);
        Assert.InRange(sample.Recall, f.PlantedRecall - 0.05, f.PlantedRecall + 0.05);
    }

    [Fact]
    public void FacesWhoseProbedListsAreTooSmallAreSearchedOverEveryList()
    {
        var f = s_fixture.Value;
        var faces = Vectors();

        // ~3 faces per list and one probe: most queries see fewer than k candidates.
        var graph = InvertedFileIndex.BuildGraph(faces, f.K, new IvfParameters(faces.Count / 3, 1));

        Assert.Equal(faces.Count * f.K, graph.NeighborData.Length);
        var exact = KnnGraph.Build(faces, f.K);
        var rescanned = Enumerable.Range(0, faces.Count).Count(i => graph.Neighbors(i).SequenceEqual(exact.Neighbors(i)));
        Assert.True(rescanned > faces.Count / 2, $"{rescanned} rows exact");
    }

    [Fact]
    public void TheSameSeedGivesTheSameGraph()
    {
        var faces = Vectors();
        var a = InvertedFileIndex.BuildGraph(faces, 8, new IvfParameters(16, 2, seed: 7));
        var b = InvertedFileIndex.BuildGraph(faces, 8, new IvfParameters(16, 2, seed: 7));

        Assert.Equal(a.NeighborData.ToArray(), b.NeighborData.ToArray());
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(10, 0)]
    [InlineData(10, 11)]
    [InlineData(IvfParameters.MaxLists + 1, 1)]
    public void ParametersOutOfRangeAreUsageErrors(int nlist, int nprobe)
    {
        var e = Assert.Throws<FaceEvalException>(() => new IvfParameters(nlist, nprobe));
        Assert.Equal(ErrorKind.Usage, e.Kind);
    }

    [Fact]
    public void MoreListsThanFacesIsAUsageError()
    {
        var e = Assert.Throws<FaceEvalException>(() => InvertedFileIndex.BuildGraph(Vectors(), 8, new IvfParameters(1000, 1)));
        Assert.Equal(ErrorKind.Usage, e.Kind);
    }

    [Fact]
    public void DefaultsFollowTheLibrarySize()
    {
        var p = IvfParameters.For(1_000_000);
        Assert.Equal((2000, 63), (p.Nlist, p.Nprobe));
        Assert.Equal(GraphRecall.DefaultQueries, p.RecallQueries);
        Assert.Equal(IvfParameters.DefaultSeed, p.Seed);
    }
}
