using System.Runtime.CompilerServices;
using FaceEval.Core.Errors;
using FaceEval.Inference.Runtime;

namespace FaceEval.Inference.Detection;

/// <summary>
/// RetinaFace (Pytorch_Retinaface, MobileNet-0.25) raw outputs to faces: SSD-style priors (two sizes
/// per cell, steps 8/16/32), box and landmark offsets scaled by the variances 0.1 and 0.2, the face
/// probability is the second column of the already softmaxed scores. Coordinates are in tensor pixels.
/// </summary>
internal static class RetinaFaceDecoder
{
    private static readonly int[][] MinSizes = [[16, 32], [64, 128], [256, 512]];
    private static readonly int[] Steps = [8, 16, 32];
    private const float CentreVariance = 0.1f;
    private const float SizeVariance = 0.2f;

    /// <param name="outputs">In models.json order: boxes [1,N,4], scores [1,N,2], landmarks [1,N,10].</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static List<DetectedFace> Decode(IReadOnlyList<OutputTensor> outputs, int tensorWidth, int tensorHeight, float scoreThreshold)
    {
        if (outputs.Count != 3)
        {
            throw new FaceEvalException(ErrorKind.InvalidData, $"RetinaFace needs 3 outputs, the model gave {outputs.Count}");
        }

        float[] loc = outputs[0].Data, conf = outputs[1].Data, landm = outputs[2].Data;
        var priorCount = 0;
        for (var k = 0; k < Steps.Length; k++)
        {
            priorCount += Cells(tensorWidth, Steps[k]) * Cells(tensorHeight, Steps[k]) * MinSizes[k].Length;
        }

        if (loc.Length != 4 * priorCount || conf.Length != 2 * priorCount || landm.Length != 10 * priorCount)
        {
            throw new FaceEvalException(ErrorKind.InvalidData, $"RetinaFace outputs do not match the {priorCount} priors of a {tensorWidth}x{tensorHeight} input");
        }

        var faces = new List<DetectedFace>();
        var p = 0;
        for (var k = 0; k < Steps.Length; k++)
        {
            var step = Steps[k];
            int cols = Cells(tensorWidth, step), rows = Cells(tensorHeight, step);
            for (var i = 0; i < rows; i++)
            {
                for (var j = 0; j < cols; j++)
                {
                    foreach (var size in MinSizes[k])
                    {
                        var score = conf[2 * p + 1];
                        if (score >= scoreThreshold)
                        {
                            // Prior in pixels: the reference works in 0..1 units and scales at the end; same numbers.
                            float pcx = (j + 0.5f) * step, pcy = (i + 0.5f) * step;
                            var cx = pcx + loc[4 * p] * CentreVariance * size;
                            var cy = pcy + loc[4 * p + 1] * CentreVariance * size;
                            var w = size * MathF.Exp(loc[4 * p + 2] * SizeVariance);
                            var h = size * MathF.Exp(loc[4 * p + 3] * SizeVariance);
                            var landmarks = new float[10];
                            for (var m = 0; m < 5; m++)
                            {
                                landmarks[2 * m] = pcx + landm[10 * p + 2 * m] * CentreVariance * size;
                                landmarks[2 * m + 1] = pcy + landm[10 * p + 2 * m + 1] * CentreVariance * size;
                            }

                            faces.Add(new DetectedFace(cx - w / 2, cy - h / 2, w, h, score, landmarks));
                        }

                        p++;
                    }
                }
            }
        }

        return faces;
    }

    private static int Cells(int size, int step) => (size + step - 1) / step;
}
