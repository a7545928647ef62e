using FaceEval.Core.Errors;

namespace FaceEval.Inference.SnapshotBuilding;

/// <summary>
/// Thresholds of the subject filter that drops background faces, as photo apps do before clustering.
/// A face is kept when it passes every one; 0 switches a test off.
/// </summary>
/// <param name="MinScore">Detector score (0..1); applied on top of the detector's own threshold.</param>
/// <param name="MinPixels">The box's shorter side, in image pixels.</param>
/// <param name="MinFraction">The box's shorter side divided by the image's shorter side (0..1).</param>
/// <param name="MinSharpness">Variance of the Laplacian on the grey aligned crop's central region (see <see cref="SubjectFilter.Sharpness"/>).</param>
public sealed record SubjectFilterOptions(float MinScore = 0.7f, float MinPixels = 20, float MinFraction = 0.05f, double MinSharpness = 10)
{
    public static SubjectFilterOptions Default { get; } = new();

    /// <summary>Keeps every face the detector returns.</summary>
    public static SubjectFilterOptions None { get; } = new(0, 0, 0, 0);

    public void Validate()
    {
        if (MinScore is < 0 or > 1 || float.IsNaN(MinScore))
        {
            throw new FaceEvalException(ErrorKind.Usage, $"the minimum face score must be in 0..1, not {MinScore}");
        }

        if (MinPixels < 0 || float.IsNaN(MinPixels))
        {
            throw new FaceEvalException(ErrorKind.Usage, $"the minimum face size must be 0 or more pixels, not {MinPixels}");
        }

        if (MinFraction is < 0 or > 1 || float.IsNaN(MinFraction))
        {
            throw new FaceEvalException(ErrorKind.Usage, $"the minimum face fraction of the image must be in 0..1, not {MinFraction}");
        }

        if (MinSharpness < 0 || double.IsNaN(MinSharpness))
        {
            throw new FaceEvalException(ErrorKind.Usage, $"the minimum sharpness must be 0 or more, not {MinSharpness}");
        }
    }
}
