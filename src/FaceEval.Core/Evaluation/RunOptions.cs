using FaceEval.Core.Algorithms;
using FaceEval.Core.Metrics;
using FaceEval.Core.Neighbors;

namespace FaceEval.Core.Evaluation;

/// <summary>What `faceeval run` and `faceeval sweep` share: which snapshot, model and algorithm, with which overrides.</summary>
public sealed record RunOptions(
    string SnapshotDirectory,
    string Model,
    AlgorithmKind Algorithm,
    IReadOnlyList<KeyValuePair<string, string>> Overrides,
    RelationTypeFilter RelationTypes,
    int Seed)
{
    /// <summary>What `--neighbors` and `--k` asked for (`run` and `sweep` only); nothing asked: the default for the snapshot's size.</summary>
    public NeighborRequest Neighbors { get; init; } = NeighborRequest.Default;
}
