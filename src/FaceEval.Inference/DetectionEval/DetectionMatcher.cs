using FaceEval.Inference.Detection;

namespace FaceEval.Inference.DetectionEval;

/// <summary>
/// Matches detections to labelled faces of one photo: a detection can match a face when its box
/// centre lies within the face's radius of the face's centre (distance &lt;= radius); among all such
/// pairs the closest is matched first, then the next closest among the unmatched, one to one.
/// </summary>
public static class DetectionMatcher
{
    /// <returns>For each truth face, the index of its detection or -1.</returns>
    public static int[] Match(IReadOnlyList<TruthFace> truth, IReadOnlyList<DetectedFace> detections)
    {
        var pairs = new List<(double Distance, int Truth, int Detection)>();
        for (var t = 0; t < truth.Count; t++)
        {
            for (var d = 0; d < detections.Count; d++)
            {
                var dx = detections[d].CenterX - truth[t].X;
                var dy = detections[d].CenterY - truth[t].Y;
                var distance = Math.Sqrt(dx * dx + dy * dy);
                if (distance <= truth[t].Radius)
                {
                    pairs.Add((distance, t, d));
                }
            }
        }

        var match = Enumerable.Repeat(-1, truth.Count).ToArray();
        var used = new bool[detections.Count];
        foreach (var (_, t, d) in pairs.OrderBy(p => p.Distance).ThenBy(p => p.Truth).ThenBy(p => p.Detection))
        {
            if (match[t] < 0 && !used[d])
            {
                match[t] = d;
                used[d] = true;
            }
        }

        return match;
    }
}
