using System.Numerics.Tensors;

namespace FaceEval.Core.Neighbors;

/// <summary>
/// Seeded spherical k-means (Lloyd on unit vectors: assign to the centroid of largest dot product,
/// centroid = normalised mean) on a seeded sample of the faces, as the coarse quantiser of an
/// <see cref="InvertedFileIndex"/>. Assignment runs on <see cref="NearestRows"/>, i.e. the blocked kernel.
/// </summary>
internal static class SphericalKMeans
{
    /// <summary>Sample faces per centroid: enough for stable lists (faiss warns below 39), and training stays a small part of the build.</summary>
    public const int SamplePerCentroid = 64;

    /// <summary>Lloyd iterations; list quality barely moves after ~10 on face embeddings, and each costs a sample x nlist product.</summary>
    public const int Iterations = 10;

    /// <summary>Unit centroids, row-major (count x d), trained on rows of <paramref name="data"/> (row-major, unit rows).</summary>
    public static float[] Train(float[] data, int n, int d, int count, int seed, CancellationToken cancellation)
    {
        var random = new Random(seed);
        var sampleSize = (int)Math.Min(n, (long)count * SamplePerCentroid);
        var sample = SampleIndices(n, sampleSize, random);
        var points = new float[(long)sampleSize * d];
        for (var s = 0; s < sampleSize; s++)
        {
            data.AsSpan(sample[s] * d, d).CopyTo(points.AsSpan(s * d, d));
        }

        // Start: the first `count` points of the (shuffled) sample, distinct faces.
        var centroids = new float[(long)count * d];
        var order = Enumerable.Range(0, sampleSize).ToArray();
        random.Shuffle(order);
        for (var c = 0; c < count; c++)
        {
            points.AsSpan(order[c] * d, d).CopyTo(centroids.AsSpan(c * d, d));
        }

        var best = new int[sampleSize];
        var similarity = new float[sampleSize];
        var sums = new double[(long)count * d];
        var sizes = new int[count];
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            cancellation.ThrowIfCancellationRequested();
            Assign(centroids, count, d, points, best, similarity, cancellation);
            Array.Clear(sums);
            Array.Clear(sizes);
            for (var s = 0; s < sampleSize; s++)
            {
                var c = best[s];
                sizes[c]++;
                var sum = sums.AsSpan(c * d, d);
                var p = points.AsSpan(s * d, d);
                for (var t = 0; t < d; t++)
                {
                    sum[t] += p[t];
                }
            }

            for (var c = 0; c < count; c++)
            {
                var centroid = centroids.AsSpan(c * d, d);
                if (sizes[c] == 0)
                {
                    // An empty list restarts at a random sample face (seeded), as faiss does.
                    points.AsSpan(random.Next(sampleSize) * d, d).CopyTo(centroid);
                    continue;
                }

                var sum = sums.AsSpan(c * d, d);
                for (var t = 0; t < d; t++)
                {
                    centroid[t] = (float)sum[t];
                }

                var norm = TensorPrimitives.Norm(centroid);
                if (norm > 0)
                {
                    TensorPrimitives.Divide(centroid, norm, centroid);
                }
                else
                {
                    points.AsSpan(random.Next(sampleSize) * d, d).CopyTo(centroid);
                }
            }
        }

        return centroids;
    }

    /// <summary>For each query row, its <paramref name="k"/> centroids of largest dot product (best first, ties to the lower centroid).</summary>
    public static void Nearest(float[] centroids, int count, int d, float[] queries, int k, int[] index, float[] similarity, CancellationToken cancellation)
    {
        var rows = new NearestRows(d, count);
        for (var c = 0; c < count; c++)
        {
            rows.Set(c, centroids.AsSpan(c * d, d));
        }

        rows.Search(queries, k, index, similarity, cancellation: cancellation);
    }

    private static void Assign(float[] centroids, int count, int d, float[] points, int[] best, float[] similarity, CancellationToken cancellation) =>
        Nearest(centroids, count, d, points, 1, best, similarity, cancellation);

    /// <summary><paramref name="size"/> distinct indices of [0, n), ascending (so the sample is read in order).</summary>
    internal static int[] SampleIndices(int n, int size, Random random)
    {
        if (size >= n)
        {
            return Enumerable.Range(0, n).ToArray();
        }

        // Floyd's algorithm: size draws, no n-sized buffer.
        var chosen = new HashSet<int>(size);
        for (var j = n - size; j < n; j++)
        {
            var t = random.Next(j + 1);
            chosen.Add(chosen.Contains(t) ? j : t);
        }

        var result = chosen.ToArray();
        Array.Sort(result);
        return result;
    }
}
