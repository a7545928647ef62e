using FaceEval.Inference.Layouts;

namespace FaceEval.Inference.SnapshotBuilding;

/// <summary>An image after decode, detect, filter and align, waiting for the embedders.</summary>
internal sealed record PreparedImage(PhotoEntry Entry, string? Error, List<PreparedFace> Faces, int[] Removed);
