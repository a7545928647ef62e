using FaceEval.Core.Analysis;

namespace FaceEval.Core.Reporting;

/// <summary>
/// Whether a comparison's verification samples its pairs (and so uses the seed), known from the ground truth
/// alone: the same counts <see cref="VerificationAnalysis"/> compares with its caps, taken before any embedding is read.
/// </summary>
public static class PairSampling
{
    public static bool Samples(IReadOnlyList<int> truth, VerificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(options);
        var sizes = truth.Where(t => t >= 0).GroupBy(t => t).Select(g => (long)g.Count()).ToArray();
        var labelled = sizes.Sum();
        var genuine = sizes.Sum(n => n * (n - 1) / 2);
        var impostor = labelled * (labelled - 1) / 2 - genuine;

        // No genuine or no impostor pair: verification is skipped, nothing is drawn.
        return genuine > 0 && impostor > 0 && (genuine > options.MaxGenuinePairs || impostor > options.MaxImpostorPairs);
    }
}
