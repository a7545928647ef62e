using FaceEval.Core.Algorithms;
using FaceEval.Core.Configuration;
using FaceEval.Core.Evaluation;
using FaceEval.Core.Metrics;
using FaceEval.Core.Snapshots;
using FaceEval.Core.Sweeps;
using FaceEval.Core.Synthetic;
using FaceEval.Core.Tests.TestData;

namespace FaceEval.Core.Tests.Sweeps;

/// <summary>
/// Every sweep the committed eval.config.json names must run to the end on the built-in demo library
/// (the README's default data), as `faceeval sweep --param NAME` runs it. The list is read from the file,
/// so a sweep added there is covered without touching this test.
/// </summary>
public class ConfiguredSweepsTests(ConfiguredSweepsTests.DemoSnapshot demo) : IClassFixture<ConfiguredSweepsTests.DemoSnapshot>
{
    private static readonly EvalConfig Config = EvalConfig.Load(Path.Combine(RepoPaths.RepoRoot, EvalConfig.FileName));

    public static TheoryData<string> ConfiguredSweeps()
    {
        var data = new TheoryData<string>();
        foreach (var name in Config.Sweeps.Keys.Order(StringComparer.Ordinal))
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void TheConfigNamesSweeps() => Assert.True(Config.Sweeps.Count >= 11, $"only {Config.Sweeps.Count} sweeps in eval.config.json");

    [Theory]
    [MemberData(nameof(ConfiguredSweeps))]
    public void ConfiguredSweepFinishesOnTheDemoLibrary(string parameter)
    {
        var sweep = Config.Sweeps[parameter];
        var axis = sweep.Axis(parameter);
        var options = new RunOptions(demo.Directory, Config.Model!, AlgorithmNames.Parse(sweep.Algorithm), [],
            RelationTypeFilter.Parse(Config.RelationTypes), Config.Seed);
        var constraints = MetricConstraint.FromConfig(Config.Max, isUpperBound: true)
            .Concat(MetricConstraint.FromConfig(Config.Min, isUpperBound: false)).ToArray();
        var output = Path.Combine(demo.Directory + ".out", parameter);

        var result = SweepJob.Execute(options, [axis], MetricKeys.Parse(Config.Objective), constraints, Config, output);

        Assert.Equal(axis.Values.Count, result.Rows.Count);
        Assert.Equal(axis.Values, result.Rows.Select(r => r.Parameters.Text(parameter)));
        Assert.All(result.Rows, r => Assert.Equal(demo.Scored, r.Metrics.Scored));
        Assert.True(File.Exists(Path.Combine(output, SweepWriter.CsvName)));
        Assert.True(File.Exists(Path.Combine(output, SweepWriter.JsonName)));
    }

    /// <summary>The demo library exactly as ./setup.sh makes it: `faceeval snapshot synth` with its defaults.</summary>
    public sealed class DemoSnapshot : IDisposable
    {
        private readonly TempDirectory _root = new();

        public DemoSnapshot()
        {
            Directory = _root.Combine("demo");
            var snapshot = SnapshotWriter.Write(SyntheticLibrary.Generate(new SyntheticLibraryOptions()), Directory);
            Scored = snapshot.GroundTruth().Count(t => t >= 0);
        }

        public string Directory { get; }

        public int Scored { get; }

        public void Dispose() => _root.Dispose();
    }
}
