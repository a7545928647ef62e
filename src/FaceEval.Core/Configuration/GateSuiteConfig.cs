using System.Text.Json;

namespace FaceEval.Core.Configuration;

/// <summary>One gate suite as written in eval.config.json's "gates.suites".</summary>
public sealed record GateSuiteConfig
{
    public string Name { get; init; } = "";

    public string? Snapshot { get; init; }

    public string? Model { get; init; }

    public string Algorithm { get; init; } = "gated";

    public IReadOnlyDictionary<string, JsonElement> Parameters { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>Rules such as "ari>=0.85", "sibling_confusion<=0.05", "bcubed_f1~0.01".</summary>
    public IReadOnlyList<string> Rules { get; init; } = [];

    /// <summary>Runs with seeds seed, seed+1, ...; the gate judges the mean of each metric.</summary>
    public int Repeats { get; init; } = 1;

    public int? Seed { get; init; }

    /// <summary>The neighbour structure, as --neighbors spells it (full, exact); null: the default for the snapshot's size.</summary>
    public string? Neighbors { get; init; }

    /// <summary>Neighbours per face of a graph structure, as --k; null: the default.</summary>
    public int? K { get; init; }
}
