using FaceEval.Core.Metrics;

namespace FaceEval.Core.Gates;

/// <summary>One suite's run: what ran (and what the baseline ran, to show a changed setting), the mean metrics and every check.</summary>
public sealed record GateSuiteResult(
    GateSuite Suite,
    string SnapshotId,
    IReadOnlyDictionary<string, string> Parameters,
    GateBaselineEntry? Baseline,
    IReadOnlyDictionary<MetricKey, double?> Metrics,
    IReadOnlyList<GateCheck> Checks)
{
    public bool Passed => Checks.All(c => c.Passed);

    /// <summary>Human lines for what differs from the baseline's setting (model, algorithm, parameters), empty when nothing does.</summary>
    public IReadOnlyList<string> ChangesFromBaseline()
    {
        if (Baseline is null)
        {
            return [];
        }

        var changes = new List<string>();
        if (Baseline.Model != Suite.Run.Model)
        {
            changes.Add($"model {Baseline.Model} -> {Suite.Run.Model}");
        }

        var algorithm = Algorithms.AlgorithmNames.Name(Suite.Run.Algorithm);
        if (Baseline.Algorithm != algorithm)
        {
            changes.Add($"algorithm {Baseline.Algorithm} -> {algorithm}");
        }
        else
        {
            foreach (var (name, value) in Parameters)
            {
                if (!Baseline.Parameters.TryGetValue(name, out var old) || old != value)
                {
                    changes.Add($"{name} {old ?? "(none)"} -> {value}");
                }
            }
        }

        return changes;
    }
}
