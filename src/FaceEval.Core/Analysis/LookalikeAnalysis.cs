using FaceEval.Core.Embeddings;
using FaceEval.Core.Metrics;

namespace FaceEval.Core.Analysis;

/// <summary>For each look-alike pair with faces on both sides: how far apart the centroids are and how many faces a labelling lumped together.</summary>
public static class LookalikeAnalysis
{
    /// <param name="predicted">Predicted labels, -1 unassigned (never lumped with anyone).</param>
    public static IReadOnlyList<LookalikePairStats> Compute(EmbeddingMatrix embeddings, IReadOnlyList<int> truth, IReadOnlyList<int> predicted, LookalikePairs pairs)
    {
        var centroids = Centroids.Of(embeddings, truth);
        var result = new List<LookalikePairStats>();
        foreach (var (a, b) in pairs.Pairs)
        {
            if (a >= centroids.Count || b >= centroids.Count || centroids.Members[a].Length == 0 || centroids.Members[b].Length == 0)
            {
                continue;
            }

            var clustersA = Count(centroids.Members[a], predicted);
            var clustersB = Count(centroids.Members[b], predicted);
            long together = 0;
            var lumped = 0;
            foreach (var (cluster, countA) in clustersA)
            {
                if (clustersB.TryGetValue(cluster, out var countB))
                {
                    together += (long)countA * countB;
                    lumped += countA + countB;
                }
            }

            result.Add(new LookalikePairStats(a, b, centroids.Members[a].Length, centroids.Members[b].Length, centroids.Distance(a, b),
                lumped, together, centroids.Representative(embeddings, a), centroids.Representative(embeddings, b)));
        }

        return result;
    }

    private static Dictionary<int, int> Count(int[] faces, IReadOnlyList<int> predicted)
    {
        var counts = new Dictionary<int, int>();
        foreach (var f in faces)
        {
            if (predicted[f] >= 0)
            {
                counts[predicted[f]] = counts.GetValueOrDefault(predicted[f]) + 1;
            }
        }

        return counts;
    }
}
