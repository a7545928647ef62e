using FaceEval.Core.Errors;
using FaceEval.Core.Snapshots;

namespace FaceEval.Core.Evaluation;

/// <summary>
/// Only faces with a ground-truth person are scored. With none, every metric takes its empty-input
/// value (ARI, V-measure and the precisions 1), which reads as a perfect result; so each job that scores
/// refuses before doing any work. <see cref="Metrics.ClusteringScorer"/> itself keeps scikit-learn's
/// empty-input values: the refusal is a judgement about a job, not about the arithmetic.
/// </summary>
internal static class ScoredFaces
{
    public static void Require(Snapshot snapshot, int[] truth)
    {
        if (Array.TrueForAll(truth, t => t < 0))
        {
            throw new FaceEvalException(ErrorKind.InvalidData,
                $"snapshot {snapshot.Id} has no labelled face ({truth.Length} faces, none with a person), so there is nothing to score; label some first (faceeval label)");
        }
    }
}
