using System.Runtime.CompilerServices;
using FaceEval.Core.Errors;
using FaceEval.Inference.Runtime;

namespace FaceEval.Inference.Detection;

/// <summary>
/// YuNet (2023mar) raw outputs to faces, as OpenCV's FaceDetectorYN decodes them: anchor-free, one
/// prior per cell at strides 8, 16, 32; score = sqrt(cls * obj); box centre and landmarks are offsets
/// in cells, box size exp(.) cells. Coordinates are in tensor pixels.
/// </summary>
internal static class YunetDecoder
{
    private static readonly int[] Strides = [8, 16, 32];

    /// <param name="outputs">In models.json order: cls_8/16/32, obj_8/16/32, bbox_8/16/32, kps_8/16/32.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static List<DetectedFace> Decode(IReadOnlyList<OutputTensor> outputs, int tensorWidth, int tensorHeight, float scoreThreshold)
    {
        if (outputs.Count != 12)
        {
            throw new FaceEvalException(ErrorKind.InvalidData, $"YuNet needs 12 outputs, the model gave {outputs.Count}");
        }

        var faces = new List<DetectedFace>();
        for (var level = 0; level < Strides.Length; level++)
        {
            var s = Strides[level];
            int cols = tensorWidth / s, rows = tensorHeight / s;
            float[] cls = outputs[level].Data, obj = outputs[3 + level].Data, bbox = outputs[6 + level].Data, kps = outputs[9 + level].Data;
            if (cls.Length != rows * cols || bbox.Length != 4 * rows * cols || kps.Length != 10 * rows * cols)
            {
                throw new FaceEvalException(ErrorKind.InvalidData, $"YuNet stride-{s} outputs do not match a {tensorWidth}x{tensorHeight} input");
            }

            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < cols; c++)
                {
                    var i = r * cols + c;
                    var score = MathF.Sqrt(Math.Clamp(cls[i], 0f, 1f) * Math.Clamp(obj[i], 0f, 1f));
                    if (score < scoreThreshold)
                    {
                        continue;
                    }

                    var cx = (c + bbox[4 * i]) * s;
                    var cy = (r + bbox[4 * i + 1]) * s;
                    var w = MathF.Exp(bbox[4 * i + 2]) * s;
                    var h = MathF.Exp(bbox[4 * i + 3]) * s;
                    var landmarks = new float[10];
                    for (var k = 0; k < 5; k++)
                    {
                        landmarks[2 * k] = (kps[10 * i + 2 * k] + c) * s;
                        landmarks[2 * k + 1] = (kps[10 * i + 2 * k + 1] + r) * s;
                    }

                    faces.Add(new DetectedFace(cx - w / 2, cy - h / 2, w, h, score, landmarks));
                }
            }
        }

        return faces;
    }
}
