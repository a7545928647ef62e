using FaceEval.Core.Algorithms;
using FaceEval.Core.Evaluation;
using FaceEval.Core.Metrics;

namespace FaceEval.Core.Gates;

/// <summary>reports/gate.json: whether every suite passed, and each suite's run.</summary>
internal sealed record GateResultJson(bool Passed, IReadOnlyList<GateSuiteJson> Suites)
{
    public static GateResultJson From(GateResult result) => new(result.Passed, result.Suites.Select(GateSuiteJson.From).ToArray());
}

/// <summary>One suite: what ran, the human lines for what differs from the baseline's setting, the (mean) metrics and every check.</summary>
/// <param name="Metrics">Metric name to value, in metric-object order; null where a metric is undefined for the data.</param>
internal sealed record GateSuiteJson(
    string Name,
    bool Passed,
    string Snapshot,
    string Model,
    string Algorithm,
    int Repeats,
    int Seed,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyList<string> ChangesFromBaseline,
    IReadOnlyDictionary<string, double?> Metrics,
    IReadOnlyList<GateCheckJson> Checks,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] RecordedNeighbors? Neighbors = null)
{
    public static GateSuiteJson From(GateSuiteResult suite) => new(
        suite.Suite.Name, suite.Passed, suite.SnapshotId, suite.Suite.Run.Model, AlgorithmNames.Name(suite.Suite.Run.Algorithm),
        suite.Suite.Repeats, suite.Suite.Run.Seed, suite.Parameters.ToDictionary(StringComparer.Ordinal), suite.ChangesFromBaseline(),
        suite.Metrics.ToDictionary(m => m.Key.JsonName(), m => m.Value, StringComparer.Ordinal),
        suite.Checks.Select(c => new GateCheckJson(c.Rule.ToString(), c.Metric.JsonName(), c.Baseline, c.Now, c.Delta, c.Passed, c.Message)).ToArray(),
        RecordedNeighbors.From(suite.Neighbors));
}

/// <param name="Rule">As written in eval.config.json or --rule, e.g. <c>ari&gt;=0.85</c>.</param>
/// <param name="Baseline">The baseline's value; null without a baseline entry or when undefined there.</param>
internal sealed record GateCheckJson(string Rule, string Metric, double? Baseline, double? Now, double? Delta, bool Passed, string Message);
