using FaceEval.Inference.Detection;

namespace FaceEval.Inference.SnapshotBuilding;

/// <summary>
/// Which face of a one-person photo is the labelled person: the one whose box centre is nearest the
/// image centre relative to its size, i.e. the smallest (distance from the image centre) / sqrt(box
/// area). A large face a little off centre beats a small one at the centre; ties go to the larger face.
/// It is chosen among all detections, before the subject filter, so a dropped subject leaves the
/// photo without a labelled face rather than promoting a background face.
/// </summary>
public static class SubjectRule
{
    /// <returns>Index into <paramref name="faces"/>, or -1 when there are none.</returns>
    public static int Pick(IReadOnlyList<DetectedFace> faces, int imageWidth, int imageHeight)
    {
        var best = -1;
        double bestCost = double.PositiveInfinity, bestArea = 0;
        for (var i = 0; i < faces.Count; i++)
        {
            var f = faces[i];
            var dx = f.CenterX - imageWidth / 2.0;
            var dy = f.CenterY - imageHeight / 2.0;
            var cost = Math.Sqrt(dx * dx + dy * dy) / Math.Sqrt(Math.Max(f.Area, 1e-6));
            if (cost < bestCost - 1e-9 || (Math.Abs(cost - bestCost) <= 1e-9 && f.Area > bestArea))
            {
                best = i;
                bestCost = cost;
                bestArea = f.Area;
            }
        }

        return best;
    }
}
