using FaceEval.Core.Errors;

namespace FaceEval.Inference.Detection;

/// <param name="ScoreThreshold">Faces scoring below are dropped (0..1).</param>
/// <param name="NmsThreshold">A face overlapping a better one by more than this IoU is dropped (0..1).</param>
/// <param name="MaxSide">Images are shrunk so their longer side is at most this many pixels before a
/// dynamic-size detector sees them; fixed-size detectors use their own input size.</param>
public sealed record DetectorOptions(float ScoreThreshold = 0.6f, float NmsThreshold = 0.3f, int MaxSide = 640)
{
    public static DetectorOptions Default { get; } = new();

    public void Validate()
    {
        if (ScoreThreshold is < 0 or > 1 || NmsThreshold is < 0 or > 1 || float.IsNaN(ScoreThreshold) || float.IsNaN(NmsThreshold))
        {
            throw new FaceEvalException(ErrorKind.Usage, $"score and NMS thresholds must be in 0..1 (got {ScoreThreshold}, {NmsThreshold})");
        }

        if (MaxSide < 32)
        {
            throw new FaceEvalException(ErrorKind.Usage, $"the longest side must be at least 32 pixels, not {MaxSide}");
        }
    }
}
