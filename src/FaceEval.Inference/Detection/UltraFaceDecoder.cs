using System.Runtime.CompilerServices;
using FaceEval.Core.Errors;
using FaceEval.Inference.Runtime;

namespace FaceEval.Inference.Detection;

/// <summary>
/// UltraFace (RFB-320, faceplugin fr_detect) outputs to boxes. The exported graph already applies its
/// RFB-320 priors (min sizes 10..256, steps 8..64) and returns corner boxes in 0..1 of the input, as the
/// package's own JavaScript uses them; the face probability is the second score column. No landmarks:
/// <see cref="Landmarks68"/> supplies them. Coordinates are in tensor pixels.
/// </summary>
internal static class UltraFaceDecoder
{
    /// <param name="outputs">In models.json order: scores [1,N,2], boxes [1,N,4].</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static List<DetectedFace> Decode(IReadOnlyList<OutputTensor> outputs, int tensorWidth, int tensorHeight, float scoreThreshold)
    {
        if (outputs.Count != 2)
        {
            throw new FaceEvalException(ErrorKind.InvalidData, $"UltraFace needs 2 outputs, the model gave {outputs.Count}");
        }

        float[] scores = outputs[0].Data, boxes = outputs[1].Data;
        var n = scores.Length / 2;
        if (scores.Length != 2 * n || boxes.Length != 4 * n)
        {
            throw new FaceEvalException(ErrorKind.InvalidData, $"UltraFace outputs disagree: {scores.Length} scores for {boxes.Length / 4} boxes");
        }

        var faces = new List<DetectedFace>();
        for (var i = 0; i < n; i++)
        {
            var score = scores[2 * i + 1];
            if (score < scoreThreshold)
            {
                continue;
            }

            var x1 = boxes[4 * i] * tensorWidth;
            var y1 = boxes[4 * i + 1] * tensorHeight;
            var x2 = boxes[4 * i + 2] * tensorWidth;
            var y2 = boxes[4 * i + 3] * tensorHeight;
            if (x2 > x1 && y2 > y1)
            {
                faces.Add(new DetectedFace(x1, y1, x2 - x1, y2 - y1, score, new float[10]));
            }
        }

        return faces;
    }
}
