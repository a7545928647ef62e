namespace FaceEval.Inference.Detection;

/// <summary>Greedy NMS: best score first, dropping faces that overlap a kept one by more than the threshold.</summary>
public static class NonMaximumSuppression
{
    public static List<DetectedFace> Apply(IEnumerable<DetectedFace> faces, float iouThreshold)
    {
        var kept = new List<DetectedFace>();
        foreach (var face in faces.OrderByDescending(f => f.Score))
        {
            if (kept.TrueForAll(k => k.Iou(face) <= iouThreshold))
            {
                kept.Add(face);
            }
        }

        return kept;
    }
}
