using System.Numerics.Tensors;
using FaceEval.Core.Embeddings;

namespace FaceEval.Core.Analysis;

/// <summary>
/// Cohesion of every group of at least two faces of a labelling (pairwise p90 against size), which of
/// them are polluted, and the cohesion gate that separates polluted from healthy groups best.
/// </summary>
public sealed record CohesionAnalysis(IReadOnlyList<GroupCohesion> Groups, CohesionGate? Gate)
{
    /// <summary>A group with more pairs than this uses a seeded sample of this many pairs (with replacement).</summary>
    public const int MaxPairsPerGroup = 200_000;

    /// <param name="labels">The groups (truth or predicted), -1 = in no group.</param>
    /// <param name="truth">Ground truth per face, -1 unlabelled; used for pollution only.</param>
    public static CohesionAnalysis Compute(EmbeddingMatrix embeddings, IReadOnlyList<int> labels, IReadOnlyList<int> truth, int seed)
    {
        var centroids = Centroids.Of(embeddings, labels);
        var groups = new GroupCohesion?[centroids.Count];
        Parallel.For(0, centroids.Count, g =>
        {
            var members = centroids.Members[g];
            if (members.Length < 2)
            {
                return;
            }

            var (distances, sampled) = PairDistances(embeddings, members, seed + g);
            Array.Sort(distances);
            var people = members.Where(f => truth[f] >= 0).GroupBy(f => truth[f]).Select(p => p.Count()).ToArray();
            var labelled = people.Sum();
            groups[g] = new GroupCohesion(g, members.Length, Quantiles.OfSorted(distances, 0.9), people.Length,
                labelled == 0 ? 0 : (double)people.Max() / labelled, centroids.Representative(embeddings, g), sampled);
        });

        var list = groups.Where(g => g is not null).Select(g => g!).ToArray();
        return new CohesionAnalysis(list, CohesionGate.Find(list));
    }

    private static (double[] Distances, bool Sampled) PairDistances(EmbeddingMatrix embeddings, int[] members, int seed)
    {
        var n = members.Length;
        var all = (long)n * (n - 1) / 2;
        if (all <= MaxPairsPerGroup)
        {
            var distances = new double[all];
            var k = 0;
            for (var a = 0; a < n; a++)
            {
                for (var b = a + 1; b < n; b++)
                {
                    distances[k++] = 1.0 - TensorPrimitives.Dot(embeddings.Row(members[a]), embeddings.Row(members[b]));
                }
            }

            return (distances, false);
        }

        var random = new Random(seed);
        var sample = new double[MaxPairsPerGroup];
        for (var k = 0; k < sample.Length; k++)
        {
            var a = random.Next(n);
            var b = random.Next(n - 1);
            b += b >= a ? 1 : 0;
            sample[k] = 1.0 - TensorPrimitives.Dot(embeddings.Row(members[a]), embeddings.Row(members[b]));
        }

        return (sample, true);
    }
}
