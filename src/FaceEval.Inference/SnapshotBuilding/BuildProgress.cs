namespace FaceEval.Inference.SnapshotBuilding;

/// <summary>Images finished (resumed ones included) out of all images.</summary>
public readonly record struct BuildProgress(int Done, int Total);
