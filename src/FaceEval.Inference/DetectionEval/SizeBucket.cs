namespace FaceEval.Inference.DetectionEval;

/// <summary>Labelled faces with MinRadius &lt;= radius &lt; MaxRadius (pixels) and how many were found.</summary>
public sealed record SizeBucket(double MinRadius, double MaxRadius, int Faces, int Found)
{
    public int Missed => Faces - Found;

    public double Recall => Faces == 0 ? double.NaN : (double)Found / Faces;
}
