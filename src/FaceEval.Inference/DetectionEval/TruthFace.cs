namespace FaceEval.Inference.DetectionEval;

/// <summary>A labelled face: centre and radius in the photo's pixels (after EXIF orientation).</summary>
public sealed record TruthFace(string Photo, string Role, double X, double Y, double Radius);
