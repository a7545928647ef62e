using FaceEval.Core.Algorithms;
using FaceEval.Core.Configuration;
using FaceEval.Core.Errors;
using FaceEval.Core.Evaluation;
using FaceEval.Core.Gates;
using FaceEval.Core.Metrics;
using FaceEval.Core.Snapshots;
using FaceEval.Core.Synthetic;
using FaceEval.Core.Tests.TestData;

namespace FaceEval.Core.Tests.Gates;

/// <summary>Where a one-off suite's rules come from, what a baseline records, and which algorithms a seed or repeats can change.</summary>
public class GateOneOffSuiteTests
{
    private static readonly RunOptions Run = new("/nowhere", "synthetic", AlgorithmKind.Dbscan, [], RelationTypeFilter.Parse("sibling"), 42);

    private static GateBaseline WithEntry(IReadOnlyList<string>? rules) => GateBaseline.Empty.With(
    [
        new(GateSuite.OneOffName, new GateBaselineEntry("abc", "synthetic", "dbscan", new Dictionary<string, string>(), 1, "v", null,
            DateTimeOffset.UnixEpoch, "r", new Dictionary<string, double?>(), rules)),
    ]);

    [Fact]
    public void GivenRulesWinThenTheBaselinesRecordedRulesThenTheDocumentedDefaults()
    {
        var given = GateSuite.OneOff(Run, [GateRule.Parse("ari>=0.5")], 1, WithEntry(["bcubed_f1~0.02"]));
        Assert.Equal(["ari>=0.5"], given.Rules.Select(r => r.ToString()));

        var recorded = GateSuite.OneOff(Run, [], 1, WithEntry(["bcubed_f1~0.02"]));
        Assert.Equal(["bcubed_f1~0.02"], recorded.Rules.Select(r => r.ToString()));

        // docs/ci.md lists exactly these.
        string[] documented = ["ari~0.01", "bcubed_f1~0.01", "pairwise_precision~0.01", "sibling_confusion~0.01", "largest_cluster_share~0.01"];
        Assert.Equal(documented, GateSuite.OneOff(Run, [], 1, WithEntry(null)).Rules.Select(r => r.ToString()));
        Assert.Equal(documented, GateSuite.OneOff(Run, [], 1, null).Rules.Select(r => r.ToString()));
        Assert.Equal(GateSuite.OneOffName, GateSuite.OneOff(Run, [], 1, null).Name);
    }

    [Fact]
    public void ABaselineWrittenBeforeRulesWereRecordedStillLoads()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "baseline.json");
        File.WriteAllText(path, """
            { "format_version": 1, "suites": { "s": { "snapshot_id": "abc", "model": "m", "algorithm": "dbscan", "parameters": {}, "repeats": 1,
              "face_eval_version": "v", "commit": null, "created": "2026-11-23T09:23:24+00:00", "reason": "r", "metrics": { "ari": 0.5 } } } }
            """);
        var entry = GateBaseline.Load(path).Suites["s"];
        Assert.Null(entry.Rules);
        Assert.Equal(0.5, entry.Metrics["ari"]);
    }

    [Fact]
    public void AConfiguredSuiteMayNotTakeTheOneOffName()
    {
        var config = new EvalConfig { Snapshot = "s", Model = "m" };
        var ex = Assert.Throws<FaceEvalException>(() => GateSuite.FromConfig(new GateSuiteConfig { Name = GateSuite.OneOffName, Algorithm = "dbscan", Rules = ["ari>=0"] }, config));
        Assert.Contains("reserved", ex.Message);
    }

    [Fact]
    public void RepeatsNeedAnAlgorithmWithARandomStep()
    {
        var ex = Assert.Throws<FaceEvalException>(() => GateSuite.Create("s", Run, [GateRule.Parse("ari>=0")], 3));
        Assert.Equal(ErrorKind.Usage, ex.Kind);
        Assert.Equal(3, GateSuite.Create("s", Run with { Algorithm = AlgorithmKind.Gated }, [GateRule.Parse("ari>=0")], 3).Repeats);
    }

    /// <summary>
    /// The seed is refused for every algorithm <see cref="AlgorithmCatalog.UsesSeed"/> calls seedless, so that
    /// claim is checked against what the seed does: seedless algorithms give the same labels for any seed,
    /// the others give different labels for some seed on a library with close siblings.
    /// </summary>
    [Fact]
    public void UsesSeedIsTrueExactlyForTheAlgorithmsWhoseLabelsASeedChanges()
    {
        using var dir = new TempDirectory();
        var snapshot = SnapshotWriter.Write(SyntheticLibrary.Generate(new SyntheticLibraryOptions(Families: 25, SiblingCentroidDistance: 0.15, FaceDistance: 0.45, Seed: 5)),
            Path.Combine(dir.Path, "s"));
        var data = EvaluationData.Load(snapshot, SyntheticLibrary.ModelName, RelationTypeFilter.Parse("sibling"));
        var config = new EvalConfig();
        foreach (var kind in Enum.GetValues<AlgorithmKind>())
        {
            var algorithm = AlgorithmCatalog.Get(kind);
            var parameters = RunJob.Parameters(algorithm, config, []);
            var labels = Enumerable.Range(1, 6).Select(seed => Evaluator.Run(data, algorithm, parameters, seed).Labels).ToArray();
            var seedChangesLabels = labels.Skip(1).Any(l => !l.SequenceEqual(labels[0]));
            Assert.True(seedChangesLabels == AlgorithmCatalog.UsesSeed(kind), $"{kind}: the seed {(seedChangesLabels ? "changes" : "does not change")} the labels");
        }
    }
}
