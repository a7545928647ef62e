using FaceEval.Core.Embeddings;
using FaceEval.Core.Neighbors;

namespace FaceEval.Core.Algorithms;

/// <summary>
/// Exact test "90th percentile of the pairwise distances of a face set &lt;= limit" in one pass without
/// sorting. The percentile is numpy's default (linear interpolation between order statistics).
/// </summary>
internal static class CohesionTest
{
    public const double Quantile = 0.9;

    /// <summary>The pairs' distances read off the full matrix.</summary>
    public static bool AtMost(DistanceMatrix distances, IReadOnlyList<int> faces, double limit) =>
        AtMost(faces.Count, (i, j) => distances.Row(faces[i])[faces[j]], limit);

    /// <summary>
    /// The pairs' distances computed from the embeddings by the kernel that builds the matrix (so the same
    /// floats, and the same verdict as <see cref="AtMost(DistanceMatrix, IReadOnlyList{int}, double)"/>), over
    /// all faces when there are at most <paramref name="sampleAbove"/>, else over a seeded sample of that
    /// many: bounded work, O(sampleAbove^2 * dimension), for a person of any size.
    /// </summary>
    public static bool AtMost(EmbeddingMatrix embeddings, IReadOnlyList<int> faces, double limit, int sampleAbove)
    {
        IReadOnlyList<int> set = faces;
        if (faces.Count > sampleAbove)
        {
            // Seeded by the size, so a verdict is reproducible and needs no state.
            var chosen = faces.ToArray();
            new Random(faces.Count).Shuffle(chosen);
            set = chosen[..sampleAbove];
        }

        var s = set.Count;
        if (s < 2)
        {
            return true;
        }

        var (tile, stride) = PairDots(embeddings, set);
        return AtMost(s, (i, j) => Math.Max(0f, 1f - tile[i * stride + j]), limit);
    }

    private static bool AtMost(int s, Func<int, int, float> distance, double limit)
    {
        if (s < 2)
        {
            return true; // no pairs: nothing is loose
        }

        long below = 0;
        var maxBelow = double.NegativeInfinity;
        var minAbove = double.PositiveInfinity;
        for (var i = 0; i < s; i++)
        {
            for (var j = i + 1; j < s; j++)
            {
                double d = distance(i, j);
                if (d <= limit)
                {
                    below++;
                    if (d > maxBelow)
                    {
                        maxBelow = d;
                    }
                }
                else if (d < minAbove)
                {
                    minAbove = d;
                }
            }
        }

        var m = (long)s * (s - 1) / 2;
        var position = Quantile * (m - 1);
        var k = (long)Math.Floor(position);
        var fraction = position - k;

        // Sorted ascending, x[i] <= limit exactly for i < below.
        if (below <= k)
        {
            return false;
        }

        if (below >= k + 2 || fraction == 0 || k + 1 >= m)
        {
            return true;
        }

        // x[k] is the largest value within the limit, x[k+1] the smallest beyond it.
        return maxBelow + fraction * (minAbove - maxBelow) <= limit;
    }

    /// <summary>All dot products of the set's embeddings, row i at tile[i * stride], by <see cref="SimilarityKernel.Best"/>.</summary>
    private static (float[] Tile, int Stride) PairDots(EmbeddingMatrix embeddings, IReadOnlyList<int> set)
    {
        var kernel = SimilarityKernel.Best;
        var (s, d) = (set.Count, embeddings.Dimension);
        var rows = new float[s * d];
        for (var i = 0; i < s; i++)
        {
            embeddings.Row(set[i]).CopyTo(rows.AsSpan(i * d, d));
        }

        var rowGroups = (s + kernel.Mr - 1) / kernel.Mr;
        var panels = (s + kernel.Nr - 1) / kernel.Nr;
        var packedQueries = new float[rowGroups * kernel.Mr * d];
        var packedDatabase = new float[panels * kernel.Nr * d];
        SimilarityKernel.Pack(rows, 0, s, d, kernel.Mr, packedQueries);
        SimilarityKernel.Pack(rows, 0, s, d, kernel.Nr, packedDatabase);
        var stride = panels * kernel.Nr;
        var tile = new float[rowGroups * kernel.Mr * stride];
        kernel.Multiply(packedQueries, rowGroups, packedDatabase, panels, d, tile, stride);
        return (tile, stride);
    }
}
