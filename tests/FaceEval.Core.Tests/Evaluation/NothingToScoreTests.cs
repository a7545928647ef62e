using FaceEval.Core.Algorithms;
using FaceEval.Core.Configuration;
using FaceEval.Core.Errors;
using FaceEval.Core.Evaluation;
using FaceEval.Core.Metrics;
using FaceEval.Core.Snapshots;

namespace FaceEval.Core.Tests.Evaluation;

/// <summary>
/// A snapshot without a labelled face has nothing to score: scikit-learn's empty-input values (ARI 1,
/// V-measure 1, ...) would read as a perfect result, so every job that scores refuses instead.
/// </summary>
public sealed class NothingToScoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Write(string name, params string?[] persons)
    {
        var rows = persons.Select((p, i) => (IReadOnlyList<string>)[$"f{i}", p ?? "", $"p{i}"]).ToArray();
        var vectors = persons.SelectMany((_, i) => new[] { 1f, i, 0.5f * i }).ToArray();
        var content = new SnapshotContent(["face_id", "person", "photo"], rows, [new SnapshotEmbedding("toy", vectors, 3, "test vectors")], [], "nothing-to-score tests");
        return SnapshotWriter.Write(content, _dir.Combine(name)).Directory;
    }

    private string Labels(int faces)
    {
        var path = _dir.Combine($"labels-{faces}.csv");
        File.WriteAllLines(path, ["face_id,label", .. Enumerable.Range(0, faces).Select(i => $"f{i},{i % 2}")]);
        return path;
    }

    private static RunOptions Run(string snapshot) =>
        new(snapshot, "toy", AlgorithmKind.Dbscan, [new("eps", "0.3"), new("minSamples", "1")], RelationTypeFilter.Default, 1);

    [Fact]
    public void Score_refuses_a_snapshot_without_a_labelled_face()
    {
        var snapshot = Write("unlabelled", null, null, null, null);
        var error = Assert.Throws<FaceEvalException>(() => ScoreJob.Execute(snapshot, Labels(4), "label", null, RelationTypeFilter.Default));
        Assert.Equal(ErrorKind.InvalidData, error.Kind);
        Assert.Contains("nothing to score", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Run_refuses_it_before_writing_anything()
    {
        var snapshot = Write("unlabelled", null, null, null);
        var outDir = _dir.Combine("out");
        Directory.CreateDirectory(outDir);
        var error = Assert.Throws<FaceEvalException>(() => RunJob.Execute(Run(snapshot), new EvalConfig(), outDir));
        Assert.Equal(ErrorKind.InvalidData, error.Kind);
        Assert.Contains("nothing to score", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(outDir));
    }

    [Fact]
    public void Every_evaluation_load_refuses_it()
    {
        // Sweeps, gates and reports all go through EvaluationData.Load.
        var snapshot = Snapshot.Load(Write("unlabelled", null, null));
        var error = Assert.Throws<FaceEvalException>(() => EvaluationData.Load(snapshot, "toy", RelationTypeFilter.Default));
        Assert.Equal(ErrorKind.InvalidData, error.Kind);
    }

    [Fact]
    public void One_labelled_face_is_still_scored()
    {
        // The refusal is for zero scored faces only: one labelled face among unlabelled ones is a (small) score.
        var snapshot = Write("one", null, "Ann", null);
        var report = ScoreJob.Execute(snapshot, Labels(3), "label", null, RelationTypeFilter.Default);
        Assert.Equal(1, report.Scored);
        Assert.Equal(1, RunJob.Execute(Run(snapshot), new EvalConfig()).Metrics.Scored);
    }
}
