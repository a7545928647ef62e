namespace FaceEval.Inference.SnapshotBuilding;

/// <summary>One finished image in the build journal: its kept faces, or why it was skipped; Removed counts per <see cref="FilterReason"/>.</summary>
internal sealed record ImageRecord(string File, string? Error, List<FaceRecord> Faces, int[] Removed);
