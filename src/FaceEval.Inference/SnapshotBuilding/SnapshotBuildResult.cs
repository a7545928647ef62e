using FaceEval.Core.Snapshots;

namespace FaceEval.Inference.SnapshotBuilding;

/// <param name="Resumed">Images whose results were read back from an interrupted run.</param>
/// <param name="Processed">Images decoded and detected by this run.</param>
/// <param name="Failed">"file: reason" for each image that could not be decoded (skipped).</param>
/// <param name="WithoutFaces">Images in which no face survived detection and the filter.</param>
public sealed record SnapshotBuildResult(
    Snapshot Snapshot,
    int Images,
    int Resumed,
    int Processed,
    IReadOnlyList<string> Failed,
    int WithoutFaces,
    int Faces,
    FilterCounts Removed,
    IReadOnlyList<string> Warnings);
