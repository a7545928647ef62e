namespace FaceEval.Inference.Detection;

/// <summary>
/// A face in image pixels: box top-left (X, Y) and size, detector score in 0..1, and five landmarks
/// x0, y0 .. x4, y4 (left eye, right eye, nose tip, left and right mouth corner, image left/right).
/// </summary>
public sealed record DetectedFace(float X, float Y, float Width, float Height, float Score, float[] Landmarks)
{
    public float CenterX => X + Width / 2;

    public float CenterY => Y + Height / 2;

    public float Area => Width * Height;

    /// <summary>Intersection over union of the two boxes.</summary>
    public float Iou(DetectedFace other)
    {
        var x1 = Math.Max(X, other.X);
        var y1 = Math.Max(Y, other.Y);
        var x2 = Math.Min(X + Width, other.X + other.Width);
        var y2 = Math.Min(Y + Height, other.Y + other.Height);
        var inter = Math.Max(0, x2 - x1) * Math.Max(0, y2 - y1);
        var union = Area + other.Area - inter;
        return union > 0 ? inter / union : 0;
    }
}
