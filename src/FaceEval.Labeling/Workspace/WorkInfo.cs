namespace FaceEval.Labeling.Workspace;

/// <summary>The work directory's <c>work.json</c>: which snapshot and model its journal edits.</summary>
public sealed record WorkInfo(string Snapshot, string SnapshotId, string Model);
