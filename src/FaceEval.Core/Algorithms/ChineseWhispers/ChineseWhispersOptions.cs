using FaceEval.Core.Errors;

namespace FaceEval.Core.Algorithms;

/// <summary>
/// Settings of <see cref="ChineseWhispers"/>.
/// </summary>
/// <param name="Threshold">Cosine distance in (0, 2]: two faces are joined by an edge iff their distance is
/// strictly below it (dlib's face clustering example: <c>length(a - b) &lt; threshold</c>).</param>
/// <param name="Iterations">Passes: the algorithm makes <c>Iterations * nodeCount</c> random node updates, as
/// dlib does (default 100, dlib's default).</param>
/// <param name="Weight">How an edge votes (default unit, as dlib's <c>sample_pair</c>).</param>
/// <param name="SelfLoops">Unit weights only: whether every node also votes for its own current label with
/// weight 1, like the <c>(i, i)</c> edges dlib's face clustering example adds (its loop runs <c>j</c> from
/// <c>i</c>; dlib stores a self-edge once). Default true. Ignored with similarity weights: there a self-loop
/// would weigh 1 (a face's similarity to itself), more than any real edge, so from the all-distinct start no
/// node would ever change label.</param>
public sealed record ChineseWhispersOptions(
    double Threshold,
    int Iterations = 100,
    EdgeWeight Weight = EdgeWeight.Unit,
    bool SelfLoops = true)
{
    /// <summary>Throws a <see cref="FaceEvalException"/> (Usage) naming the first bad value.</summary>
    public ChineseWhispersOptions Validate()
    {
        if (!(Threshold > 0 && Threshold <= 2))
        {
            throw new FaceEvalException(ErrorKind.Usage, $"chinese-whispers threshold must be in (0, 2] (cosine distance), got {Threshold}");
        }

        if (Iterations < 1)
        {
            throw new FaceEvalException(ErrorKind.Usage, $"chinese-whispers iterations must be >= 1, got {Iterations}");
        }

        if (!Enum.IsDefined(Weight))
        {
            throw new FaceEvalException(ErrorKind.Usage, $"chinese-whispers edge weight must be one of: {string.Join(", ", Enum.GetNames<EdgeWeight>())}");
        }

        return this;
    }
}
