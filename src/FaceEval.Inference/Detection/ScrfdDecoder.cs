using System.Runtime.CompilerServices;
using FaceEval.Core.Errors;
using FaceEval.Inference.Runtime;

namespace FaceEval.Inference.Detection;

/// <summary>
/// SCRFD (InsightFace det_500m with keypoints) raw outputs to faces, as insightface's scrfd.py decodes
/// them: two anchors per cell at strides 8, 16, 32, anchor centre = cell corner (c, r) * stride; box
/// = left/top/right/bottom distances and landmarks = offsets, both in strides. The grid follows the
/// tensor actually fed, not the 640x640 shapes the file declares. Coordinates are in tensor pixels.
/// </summary>
internal static class ScrfdDecoder
{
    private const int AnchorsPerCell = 2;
    private static readonly int[] Strides = [8, 16, 32];

    /// <param name="outputs">In models.json order: scores 8/16/32, boxes 8/16/32, landmarks 8/16/32.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static List<DetectedFace> Decode(IReadOnlyList<OutputTensor> outputs, int tensorWidth, int tensorHeight, float scoreThreshold)
    {
        if (outputs.Count != 9)
        {
            throw new FaceEvalException(ErrorKind.InvalidData, $"SCRFD needs 9 outputs, the model gave {outputs.Count}");
        }

        var faces = new List<DetectedFace>();
        for (var level = 0; level < Strides.Length; level++)
        {
            var s = Strides[level];
            int cols = tensorWidth / s, rows = tensorHeight / s;
            var anchors = rows * cols * AnchorsPerCell;
            float[] scores = outputs[level].Data, boxes = outputs[3 + level].Data, kps = outputs[6 + level].Data;
            if (scores.Length != anchors || boxes.Length != 4 * anchors || kps.Length != 10 * anchors)
            {
                throw new FaceEvalException(ErrorKind.InvalidData, $"SCRFD stride-{s} outputs do not match a {tensorWidth}x{tensorHeight} input");
            }

            for (var a = 0; a < anchors; a++)
            {
                var score = scores[a];
                if (score < scoreThreshold)
                {
                    continue;
                }

                var cell = a / AnchorsPerCell;
                float cx = cell % cols * s, cy = cell / cols * s;
                var x1 = cx - boxes[4 * a] * s;
                var y1 = cy - boxes[4 * a + 1] * s;
                var x2 = cx + boxes[4 * a + 2] * s;
                var y2 = cy + boxes[4 * a + 3] * s;
                var landmarks = new float[10];
                for (var k = 0; k < 5; k++)
                {
                    landmarks[2 * k] = cx + kps[10 * a + 2 * k] * s;
                    landmarks[2 * k + 1] = cy + kps[10 * a + 2 * k + 1] * s;
                }

                faces.Add(new DetectedFace(x1, y1, x2 - x1, y2 - y1, score, landmarks));
            }
        }

        return faces;
    }
}
