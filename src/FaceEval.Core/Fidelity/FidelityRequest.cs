using FaceEval.Core.Algorithms;
using FaceEval.Core.Evaluation;
using FaceEval.Core.Metrics;
using FaceEval.Core.Neighbors;

namespace FaceEval.Core.Fidelity;

/// <summary>One algorithm setting to replay on both forms: the algorithm and its overrides (over defaults and eval.config.json).</summary>
public sealed record FidelitySetting(AlgorithmKind Algorithm, IReadOnlyList<KeyValuePair<string, string>> Overrides);

/// <summary>
/// `faceeval fidelity`: which snapshot and model, which settings, and the graph to hold against the
/// full matrix. <see cref="Neighbors"/> must name a graph structure (<see cref="FidelityJob"/> refuses
/// <c>full</c>: there is nothing to compare it with).
/// </summary>
public sealed record FidelityRequest(
    string SnapshotDirectory,
    string Model,
    IReadOnlyList<FidelitySetting> Settings,
    NeighborRequest Neighbors,
    RelationTypeFilter RelationTypes,
    int Seed);
