namespace FaceEval.Core.Snapshots;

/// <summary>The snapshot an import wrote, and what it chose to leave out (one line each).</summary>
public sealed record SnapshotImportResult(Snapshot Snapshot, IReadOnlyList<string> Warnings);
