using FaceEval.Core.Errors;

namespace FaceEval.Labeling.Editing;

/// <summary>
/// Thresholds of the suspicious-face queues, all cosine distances <c>1 - cos</c> in [0, 2].
/// Validate once at the edge with <see cref="Validate"/>.
/// </summary>
/// <param name="SiblingMargin">A face is sibling-ambiguous when its best other person is at most this much farther than its own.</param>
/// <param name="Gate">The assignment gate: another person this close is an in-gate alternative.</param>
/// <param name="OutlierDistance">Faces at least this far from their own centroid are outliers.</param>
/// <param name="Candidates">How many candidate people a face lists (keys 1..9 pick them).</param>
/// <param name="QueueLimit">At most this many faces per queue answer.</param>
public sealed record LabelOptions(
    double SiblingMargin = 0.05,
    double Gate = 0.35,
    double OutlierDistance = 0.45,
    int Candidates = 9,
    int QueueLimit = 200)
{
    public LabelOptions Validate()
    {
        Check(SiblingMargin >= 0 && SiblingMargin <= 2, $"siblingMargin must be in [0, 2], got {SiblingMargin}");
        Check(Gate > 0 && Gate <= 2, $"gate must be in (0, 2], got {Gate}");
        Check(OutlierDistance > 0 && OutlierDistance <= 2, $"outlierDistance must be in (0, 2], got {OutlierDistance}");
        Check(Candidates is >= 1 and <= 9, $"candidates must be 1..9, got {Candidates}");
        Check(QueueLimit >= 1, $"queueLimit must be at least 1, got {QueueLimit}");
        return this;
    }

    private static void Check(bool ok, string message)
    {
        if (!ok)
        {
            throw new FaceEvalException(ErrorKind.Usage, message);
        }
    }
}
