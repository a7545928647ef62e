using FaceEval.Core.Configuration;
using FaceEval.Core.Evaluation;
using FaceEval.Core.Metrics;
using FaceEval.Core.Snapshots;

namespace FaceEval.Benchmarks;

/// <summary>
/// The FIW snapshot that ./setup.sh imports from ../shared (about 15,000 faces), and the repository's
/// eval.config.json whose defaults the algorithm and sweep benchmarks use. FACEEVAL_BENCH_SNAPSHOT and
/// FACEEVAL_BENCH_MODEL override which snapshot and model.
/// </summary>
public static class FiwSnapshot
{
    public const string DefaultModel = "arcface_w600k_mbf_int8";

    public static string Directory =>
        Environment.GetEnvironmentVariable("FACEEVAL_BENCH_SNAPSHOT") is { Length: > 0 } dir
            ? Path.GetFullPath(dir)
            : Path.Combine(RepositoryRoot, "snapshots", "fiw");

    public static string Model =>
        Environment.GetEnvironmentVariable("FACEEVAL_BENCH_MODEL") is { Length: > 0 } model ? model : DefaultModel;

    public static bool Exists => File.Exists(Path.Combine(Directory, SnapshotLayout.ManifestFile));

    public static string MissingMessage =>
        $"skipped: no FIW snapshot at {Directory} (./setup.sh imports it when ../shared is present, or set FACEEVAL_BENCH_SNAPSHOT)";

    /// <summary>The checkout (holding eval.config.json), searched upwards from the working folder and then from this program.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    public static EvalConfig Config => EvalConfig.Load(Path.Combine(RepositoryRoot, EvalConfig.FileName));

    public static EvaluationData Load()
    {
        if (!Exists)
        {
            throw new InvalidOperationException(MissingMessage);
        }

        var config = Config;
        return EvaluationData.Load(Snapshot.Load(Directory), Model, RelationTypeFilter.Parse(config.RelationTypes));
    }

    private static string FindRoot() =>
        Core.IO.RepositoryRoot.Find(Environment.CurrentDirectory) ?? Core.IO.RepositoryRoot.Find(AppContext.BaseDirectory) ?? Environment.CurrentDirectory;
}
