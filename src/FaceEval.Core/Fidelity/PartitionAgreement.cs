using FaceEval.Core.Metrics;

namespace FaceEval.Core.Fidelity;

/// <summary>
/// How far one labelling of the same faces agrees with another: the adjusted Rand index with the
/// reference as "truth", and whether both are the same partition. Unassigned faces (-1) are singletons in
/// both, as every metric here treats them, so a face the reference leaves out and the other puts alone
/// agree.
/// </summary>
/// <param name="Ari">ARI over every face (none is left out: the reference's -1 faces become singletons first).</param>
/// <param name="Identical">The same partition with the same unassigned faces: a bijection of cluster labels maps one onto the other.</param>
/// <param name="Moved">Faces whose label differs from the one its cluster's bijection predicts (0 when identical): a first-come count, for a sense of scale only.</param>
public sealed record PartitionAgreement(double Ari, bool Identical, int Moved)
{
    public static PartitionAgreement Of(ReadOnlySpan<int> reference, ReadOnlySpan<int> other)
    {
        if (reference.Length != other.Length)
        {
            throw new ArgumentException("both labellings must cover the same faces");
        }

        // The scorer leaves truth -1 out; the reference's unassigned faces must count, as singletons.
        var n = reference.Length;
        var asTruth = new int[n];
        var next = 0;
        foreach (var label in reference)
        {
            next = Math.Max(next, label + 1);
        }

        for (var i = 0; i < n; i++)
        {
            asTruth[i] = reference[i] >= 0 ? reference[i] : next++;
        }

        var ari = n == 0 ? 1.0 : ClusteringScorer.Score(asTruth, other).Get(MetricKey.Ari) ?? 1.0;
        var forward = new Dictionary<int, int>();
        var backward = new Dictionary<int, int>();
        var moved = 0;
        for (var i = 0; i < n; i++)
        {
            var (a, b) = (reference[i], other[i]);
            bool agrees;
            if (a < 0 || b < 0)
            {
                agrees = a < 0 && b < 0;
            }
            else
            {
                forward.TryAdd(a, b);
                backward.TryAdd(b, a);
                agrees = forward[a] == b && backward[b] == a;
            }

            moved += agrees ? 0 : 1;
        }

        return new PartitionAgreement(ari, moved == 0, moved);
    }
}
