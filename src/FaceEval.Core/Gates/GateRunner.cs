using System.Globalization;
using FaceEval.Core.Algorithms;
using FaceEval.Core.Configuration;
using FaceEval.Core.Errors;
using FaceEval.Core.Evaluation;
using FaceEval.Core.Metrics;
using FaceEval.Core.Neighbors;
using FaceEval.Core.Snapshots;

namespace FaceEval.Core.Gates;

/// <summary>
/// Runs gate suites and judges their rules. Each suite runs with its fixed seed (or seeds seed..seed+repeats-1,
/// judging the mean), so a gate is deterministic. Tolerance rules compare against a baseline recorded for the
/// same snapshot id; a baseline of another snapshot is refused rather than compared.
/// </summary>
public static class GateRunner
{
    public static GateResult Run(IReadOnlyList<GateSuite> suites, EvalConfig config, GateBaseline? baseline, IProgress<double>? progress = null)
    {
        var results = new List<GateSuiteResult>();
        var cache = new Dictionary<(string, string, NeighborChoice), EvaluationData>();
        for (var i = 0; i < suites.Count; i++)
        {
            var suite = suites[i];
            var (data, parameters, metrics, neighbors) = Measure(suite, config, cache);
            GateBaselineEntry? entry = null;
            if (baseline is not null && baseline.Suites.TryGetValue(suite.Name, out var found))
            {
                entry = found.SnapshotId == data.Snapshot.Id ? found
                    : throw new FaceEvalException(ErrorKind.BaselineMismatch,
                        $"gate suite {suite.Name}: the baseline was recorded on snapshot {found.SnapshotId} but this run uses {data.Snapshot.Id}; record a new baseline with --update-baseline");

                // Another structure changes the labels for reasons no tolerance describes: refused, like another snapshot.
                var recorded = found.Neighbors?.ToChoice("the baseline") ?? RecordedNeighbors.Unrecorded;
                if (recorded != neighbors)
                {
                    throw new FaceEvalException(ErrorKind.BaselineMismatch,
                        $"gate suite {suite.Name}: the baseline was recorded on neighbours {recorded}{(found.Neighbors is null ? " (it records none: every baseline before they were recorded ran on the full matrix)" : "")} but this run uses {neighbors}; run on {recorded} or record a new baseline with --update-baseline");
                }
            }

            var checks = suite.Rules.Select(rule => Judge(suite.Name, rule, entry, metrics)).ToArray();
            results.Add(new GateSuiteResult(suite, data.Snapshot.Id, Values(parameters), entry, metrics, checks) { Neighbors = neighbors });
            progress?.Report((i + 1.0) / suites.Count);
        }

        return new GateResult(results);
    }

    /// <summary>Runs the suites and returns a baseline holding their metrics (entries of other suites in <paramref name="existing"/> are kept).</summary>
    public static GateBaseline UpdateBaseline(IReadOnlyList<GateSuite> suites, EvalConfig config, GateBaseline existing, string reason, string version, string? commit, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new FaceEvalException(ErrorKind.Usage, "--update-baseline needs --reason \"why the numbers may change\"");
        }

        var cache = new Dictionary<(string, string, NeighborChoice), EvaluationData>();
        var entries = suites.Select(suite =>
        {
            var (data, parameters, metrics, neighbors) = Measure(suite, config, cache);
            var entry = new GateBaselineEntry(data.Snapshot.Id, suite.Run.Model, AlgorithmNames.Name(suite.Run.Algorithm), Values(parameters),
                suite.Repeats, version, commit, now, reason, metrics.ToDictionary(kv => kv.Key.JsonName(), kv => kv.Value),
                suite.Rules.Select(r => r.ToString()).ToArray(), suite.Run.Seed, suite.Run.RelationTypes.ToString(), RecordedNeighbors.From(neighbors));
            return new KeyValuePair<string, GateBaselineEntry>(suite.Name, entry);
        }).ToArray();
        return existing.With(entries);
    }

    private static (EvaluationData Data, ParameterSet Parameters, IReadOnlyDictionary<MetricKey, double?> Metrics, NeighborChoice Neighbors) Measure(
        GateSuite suite, EvalConfig config, Dictionary<(string, string, NeighborChoice), EvaluationData> cache)
    {
        var algorithm = AlgorithmCatalog.Get(suite.Run.Algorithm);
        var parameters = RunJob.Parameters(algorithm, config, suite.Run.Overrides);
        var snapshot = cache.FirstOrDefault(kv => kv.Key.Item1 == suite.Run.SnapshotDirectory).Value?.Snapshot ?? Snapshot.Load(suite.Run.SnapshotDirectory);
        var neighbors = NeighborPlan.Resolve(suite.Run.Neighbors, algorithm, [parameters], snapshot.Faces.Count);
        var key = (suite.Run.SnapshotDirectory, suite.Run.Model, neighbors);
        if (!cache.TryGetValue(key, out var data))
        {
            data = EvaluationData.Load(snapshot, suite.Run.Model, suite.Run.RelationTypes, neighbors: neighbors);
            cache[key] = data;
        }

        var reports = Enumerable.Range(0, suite.Repeats)
            .Select(r => Evaluator.Run(data, algorithm, parameters, suite.Run.Seed + r).Metrics)
            .ToArray();
        var metrics = MetricKeys.All.ToDictionary(k => k, k => Mean(reports.Select(r => r.Get(k))));
        return (data, parameters, metrics, neighbors);
    }

    private static double? Mean(IEnumerable<double?> values)
    {
        var list = values.ToArray();
        return list.Any(v => v is null) ? null : list.Average(v => v!.Value);
    }

    private static Dictionary<string, string> Values(ParameterSet parameters) =>
        parameters.Values.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

    private static GateCheck Judge(string suite, GateRule rule, GateBaselineEntry? baseline, IReadOnlyDictionary<MetricKey, double?> metrics)
    {
        var name = rule.Metric.JsonName();
        var now = metrics[rule.Metric];
        double? before = baseline is not null && baseline.Metrics.TryGetValue(name, out var b) ? b : null;
        if (rule.NeedsBaseline && baseline is null)
        {
            throw new FaceEvalException(ErrorKind.BaselineMismatch,
                $"gate suite {suite} has tolerance rule {rule} but the baseline has no entry for it; record one with --update-baseline");
        }

        if (now is null)
        {
            // Undefined for this data (e.g. sibling_confusion with no look-alike pairs): nothing to judge.
            return new GateCheck(suite, rule.Metric, before, now, rule, true, $"{suite}: {name} is undefined on this snapshot; rule {rule} not applicable");
        }

        var v = now.Value;
        switch (rule.Kind)
        {
            case GateRuleKind.Floor:
                return new GateCheck(suite, rule.Metric, before, now, rule, v >= rule.Value,
                    v >= rule.Value ? $"{suite}: {name} {F(v)} >= {F(rule.Value)}" : $"{suite}: {name} {F(v)} is below the floor {F(rule.Value)} by {F(rule.Value - v)}");
            case GateRuleKind.Ceiling:
                return new GateCheck(suite, rule.Metric, before, now, rule, v <= rule.Value,
                    v <= rule.Value ? $"{suite}: {name} {F(v)} <= {F(rule.Value)}" : $"{suite}: {name} {F(v)} is above the ceiling {F(rule.Value)} by {F(v - rule.Value)}");
        }

        if (before is null)
        {
            return new GateCheck(suite, rule.Metric, before, now, rule, false, $"{suite}: {name} has no baseline value to compare with");
        }

        var delta = v - before.Value;
        var worsening = rule.Metric.Direction() switch
        {
            MetricDirection.HigherIsBetter => -delta,
            MetricDirection.LowerIsBetter => delta,
            _ => Math.Abs(delta),
        };
        var passed = worsening <= rule.Value + 1e-12;
        var verb = delta < 0 ? "dropped" : "rose";
        var message = passed
            ? $"{suite}: {name} {F(before.Value)} -> {F(v)} ({D(delta)}) within tolerance {F(rule.Value)}"
            : $"{suite}: {name} {verb} from {F(before.Value)} to {F(v)} ({D(delta)}), more than its tolerance {F(rule.Value)}";
        return new GateCheck(suite, rule.Metric, before, now, rule, passed, message);
    }

    private static string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string D(double delta) => delta.ToString("+0.0000;-0.0000;0", CultureInfo.InvariantCulture);
}
