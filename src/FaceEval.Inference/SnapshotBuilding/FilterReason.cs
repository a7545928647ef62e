namespace FaceEval.Inference.SnapshotBuilding;

/// <summary>Why the subject filter dropped a face; a face is counted under the first test it fails, in this order.</summary>
public enum FilterReason
{
    Kept = 0,
    LowScore,
    TooFewPixels,
    TooSmallInImage,
    Blurry,
}
