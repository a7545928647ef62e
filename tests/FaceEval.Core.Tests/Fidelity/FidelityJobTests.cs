using FaceEval.Core.Algorithms;
using FaceEval.Core.Configuration;
using FaceEval.Core.Errors;
using FaceEval.Core.Evaluation;
using FaceEval.Core.Fidelity;
using FaceEval.Core.Metrics;
using FaceEval.Core.Neighbors;
using FaceEval.Core.Snapshots;
using FaceEval.Core.Synthetic;
using FaceEval.Core.Tests.Support;
using FaceEval.Core.Tests.TestData;

namespace FaceEval.Core.Tests.Fidelity;

/// <summary>
/// The graph forms' claim under test: a graph form warns whenever it cannot promise the full form's
/// labels, so every setting it runs without a warning must give the full form's partition exactly.
/// The full forms themselves equal scikit-learn, R and dlib (their own tests); here the graph is held
/// against them.
/// </summary>
public sealed class FidelityJobTests(FidelityJobTests.Demo demo) : IClassFixture<FidelityJobTests.Demo>, IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static FidelityRequest Request(string snapshot, string model, NeighborRequest neighbors, params FidelitySetting[] settings) =>
        new(snapshot, model, settings.Length > 0 ? settings : FidelityJob.GraphAlgorithms.Select(a => new FidelitySetting(a, [])).ToArray(),
            neighbors, RelationTypeFilter.Default, 42);

    [Fact]
    public void EverySettingTheGraphFormRunsWithoutWarningEqualsTheFullForm()
    {
        var result = FidelityJob.Run(Request(demo.Directory, SyntheticLibrary.ModelName, new NeighborRequest(null, null)), new EvalConfig());

        Assert.Equal(FidelityJob.GraphAlgorithms.Count, result.Rows.Count);
        Assert.All(result.Rows, r => Assert.Equal(NeighborStructure.Exact, r.Neighbors.Structure));
        Assert.All(result.Rows.Where(r => r.ClaimsExact), r => Assert.True(r.Agreement.Identical,
            $"{r.Parameters.Algorithm} {r.Parameters}: no warning, but {r.Agreement.Moved} faces moved (ARI {r.Agreement.Ari})"));
    }

    [Fact]
    public void OnAGraphOfEveryPairEveryGraphFormEqualsTheFullForm()
    {
        var k = demo.Faces - 1;
        var result = FidelityJob.Run(Request(demo.Directory, SyntheticLibrary.ModelName, new NeighborRequest(NeighborStructure.Exact, k)), new EvalConfig());

        Assert.All(result.Rows, r => Assert.True(r.Agreement.Identical,
            $"{r.Parameters.Algorithm} {r.Parameters} at k = N - 1: {r.Agreement.Moved} faces moved (ARI {r.Agreement.Ari}); warnings: {string.Join("; ", r.Warnings)}"));
    }

    [Fact]
    public void ACutOffNeighbourhoodIsWarned()
    {
        // Two tight blobs of 20: with k = 4 every face has all its graph neighbours within eps.
        var rng = new Random(7);
        var centres = new[] { Planted.RandomUnit(rng, 16), Planted.RandomUnit(rng, 16) };
        var vectors = Enumerable.Range(0, 40).SelectMany(i => Planted.Face(rng, centres[i / 20], 0.05)).ToArray();
        var rows = Enumerable.Range(0, 40).Select(i => (IReadOnlyList<string>)[$"f{i}", $"person{i / 20}", $"p{i}"]).ToArray();
        var snapshot = SnapshotWriter.Write(new SnapshotContent(["face_id", "person", "photo"], rows,
            [new SnapshotEmbedding("toy", vectors, 16, "planted blobs")], [], "fidelity tests"), _dir.Combine("blobs")).Directory;

        var result = FidelityJob.Run(Request(snapshot, "toy", new NeighborRequest(NeighborStructure.Exact, 4),
            new FidelitySetting(AlgorithmKind.Dbscan, [new("eps", "0.5"), new("minSamples", "3")])), new EvalConfig());

        var row = Assert.Single(result.Rows);
        Assert.False(row.ClaimsExact);
        Assert.Contains("cut off", row.Warnings[0], StringComparison.Ordinal);
    }

    [Fact]
    public void TheFullMatrixIsNotAGraphToCompare()
    {
        var error = Assert.Throws<FaceEvalException>(() =>
            FidelityJob.Run(Request(demo.Directory, SyntheticLibrary.ModelName, new NeighborRequest(NeighborStructure.Full, null)), new EvalConfig()));

        Assert.Equal(ErrorKind.Usage, error.Kind);
    }

    [Fact]
    public void KTooSmallForASettingIsAUsageError()
    {
        var error = Assert.Throws<FaceEvalException>(() => FidelityJob.Run(Request(demo.Directory, SyntheticLibrary.ModelName,
            new NeighborRequest(NeighborStructure.Exact, 2), new FidelitySetting(AlgorithmKind.Dbscan, [new("minSamples", "5")])), new EvalConfig()));

        Assert.Equal(ErrorKind.Usage, error.Kind);
        Assert.Contains("--k", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The built-in demo library, 1,994 faces: small enough for k = N - 1.</summary>
    public sealed class Demo : IDisposable
    {
        private readonly TempDirectory _root = new();

        public Demo()
        {
            Directory = _root.Combine("demo");
            Faces = SnapshotWriter.Write(SyntheticLibrary.Generate(new SyntheticLibraryOptions()), Directory).Faces.Count;
        }

        public string Directory { get; }

        public int Faces { get; }

        public void Dispose() => _root.Dispose();
    }
}
