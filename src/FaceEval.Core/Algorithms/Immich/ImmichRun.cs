using System.Globalization;
using FaceEval.Core.Errors;

namespace FaceEval.Core.Algorithms;

/// <summary>
/// One Immich facial-recognition job; valid by construction (ranges from <see cref="ImmichSchedule.Parameters"/>).
/// </summary>
public sealed record ImmichRun
{
    public const double DefaultMaxDistance = 0.5;
    public const int DefaultMinFaces = 3;

    /// <param name="mode">Reset (requeue everything) or Missing (only faces without a person).</param>
    /// <param name="maxDistance">Cosine distance; a face is a match iff its distance is &lt;= this
    /// (Immich's search keeps <c>distance &lt;= maxDistance</c>). Immich's default 0.5.</param>
    /// <param name="minFaces">A face is core iff at least this many faces, itself included, are matches.
    /// At most 1000 (Immich's search accepts at most 1000 results). Immich's default 3.</param>
    public ImmichRun(ImmichMode mode, double maxDistance = DefaultMaxDistance, int minFaces = DefaultMinFaces)
    {
        Mode = mode;
        MaxDistance = maxDistance;
        MinFaces = minFaces;
    }

    public ImmichMode Mode
    {
        get;
        init => field = Enum.IsDefined(value) ? value : throw new FaceEvalException(ErrorKind.Usage, "immich mode must be one of: reset, missing");
    }

    public double MaxDistance { get; init => field = ImmichSchedule.Parameters.Checked(value); }

    public int MinFaces { get; init => field = ImmichSchedule.Parameters.Checked(value); }

    /// <summary>The step in schedule syntax, e.g. <c>missing:minFaces=10:maxDistance=0.5</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Mode.ToString().ToLowerInvariant()}:minFaces={MinFaces}:maxDistance={MaxDistance}");
}
