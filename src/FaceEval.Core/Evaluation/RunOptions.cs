using FaceEval.Core.Algorithms;
using FaceEval.Core.Metrics;

namespace FaceEval.Core.Evaluation;

/// <summary>What `faceeval run` and `faceeval sweep` share: which snapshot, model and algorithm, with which overrides.</summary>
public sealed record RunOptions(
    string SnapshotDirectory,
    string Model,
    AlgorithmKind Algorithm,
    IReadOnlyList<KeyValuePair<string, string>> Overrides,
    RelationTypeFilter RelationTypes,
    int Seed);
