namespace FaceEval.Inference.DetectionEval;

/// <summary>
/// A detector scored on labelled photos. Precision counts every detection in those photos, so faces
/// nobody labelled (bystanders) count against it.
/// </summary>
/// <param name="Skipped">"photo: reason" for labelled photos that are missing or could not be read.</param>
public sealed record DetectionEvaluation(
    string Detector,
    int Photos,
    int TruthFaces,
    int Detections,
    int Matched,
    IReadOnlyList<SizeBucket> Buckets,
    IReadOnlyList<string> Skipped)
{
    public double Recall => TruthFaces == 0 ? double.NaN : (double)Matched / TruthFaces;

    public double Precision => Detections == 0 ? double.NaN : (double)Matched / Detections;
}
