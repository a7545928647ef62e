using FaceEval.Core.Algorithms;

namespace FaceEval.Core.Evaluation;

/// <summary>What `faceeval run` and `faceeval sweep` share: which snapshot, model and algorithm, with which overrides.</summary>
public sealed record RunOptions(
    string SnapshotDirectory,
    string Model,
    AlgorithmKind Algorithm,
    IReadOnlyList<KeyValuePair<string, string>> Overrides,
    IReadOnlyList<string> RelationTypes,
    int Seed);
