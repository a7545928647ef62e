using FaceEval.Core.Algorithms;
using FaceEval.Core.Metrics;
using FaceEval.Core.Neighbors;

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

    /// <summary>The neighbour structure the suite ran on (a baseline of another one is refused, not compared).</summary>
    public NeighborChoice Neighbors { get; init; } = NeighborChoice.Full;

    /// <summary>
    /// Human lines for what differs from the baseline's setting (model, algorithm, parameters, seed, repeats,
    /// relation types) and for what an older baseline does not record, so cannot be compared; empty only when
    /// the setting is known to be the same.
    /// </summary>
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

        var algorithm = AlgorithmNames.Name(Suite.Run.Algorithm);
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

        // A seed changes nothing for an algorithm without a random step; repeats are then refused.
        if (AlgorithmCatalog.UsesSeed(Suite.Run.Algorithm))
        {
            var seed = Suite.Run.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture);
            changes.Add(Baseline.Seed is not { } old ? $"seed {seed}: not recorded by the baseline"
                : old != Suite.Run.Seed ? $"seed {old.ToString(System.Globalization.CultureInfo.InvariantCulture)} -> {seed}" : "");
            if (Baseline.Repeats != Suite.Repeats)
            {
                changes.Add($"repeats {Baseline.Repeats} -> {Suite.Repeats}");
            }
        }

        var types = Suite.Run.RelationTypes.ToString();
        changes.Add(Baseline.RelationTypes is not { } oldTypes ? $"relation types {types}: not recorded by the baseline"
            : !Suite.Run.RelationTypes.Patterns.ToHashSet().SetEquals(RelationTypeFilter.Parse(oldTypes).Patterns) ? $"relation types {oldTypes} -> {types}" : "");
        return changes.Where(c => c.Length > 0).ToArray();
    }
}
