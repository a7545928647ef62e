using System.Globalization;
using FaceEval.Core.Errors;

namespace FaceEval.Core.Algorithms;

/// <summary>
/// One Immich facial-recognition job.
/// </summary>
/// <param name="Mode">Reset (requeue everything) or Missing (only faces without a person).</param>
/// <param name="MaxDistance">Cosine distance in (0, 2]; a face is a match iff its distance is &lt;= this
/// (Immich's search keeps <c>distance &lt;= maxDistance</c>). Immich's default 0.5.</param>
/// <param name="MinFaces">A face is core iff at least this many faces, itself included, are matches.
/// 1..1000 (Immich's search accepts at most 1000 results). Immich's default 3.</param>
public sealed record ImmichRun(ImmichMode Mode, double MaxDistance = ImmichRun.DefaultMaxDistance, int MinFaces = ImmichRun.DefaultMinFaces)
{
    public const double DefaultMaxDistance = 0.5;
    public const int DefaultMinFaces = 3;

    public ImmichRun Validate()
    {
        if (!Enum.IsDefined(Mode))
        {
            throw new FaceEvalException(ErrorKind.Usage, $"immich mode must be one of: reset, missing");
        }

        if (!(MaxDistance > 0 && MaxDistance <= 2))
        {
            throw new FaceEvalException(ErrorKind.Usage, $"immich maxDistance must be in (0, 2] (cosine distance), got {MaxDistance.ToString(CultureInfo.InvariantCulture)}");
        }

        if (MinFaces < 1 || MinFaces > 1000)
        {
            throw new FaceEvalException(ErrorKind.Usage, $"immich minFaces must be in 1..1000, got {MinFaces}");
        }

        return this;
    }

    /// <summary>The step in schedule syntax, e.g. <c>missing:minFaces=10:maxDistance=0.5</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Mode.ToString().ToLowerInvariant()}:minFaces={MinFaces}:maxDistance={MaxDistance}");
}
