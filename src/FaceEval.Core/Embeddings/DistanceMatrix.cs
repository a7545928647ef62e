using System.Numerics.Tensors;
using FaceEval.Core.Errors;

namespace FaceEval.Core.Embeddings;

/// <summary>
/// All pairwise cosine distances <c>1 - cos(a, b)</c> of an <see cref="EmbeddingMatrix"/>, stored as a
/// full symmetric N x N float matrix (N^2 * 4 bytes: 0.9 GB for 15,000 faces). Built once and shared by
/// every setting of a sweep. Beyond <see cref="MaxCount"/> faces use a k-nearest-neighbour graph.
/// </summary>
public sealed class DistanceMatrix
{
    /// <summary>Largest N whose N x N matrix fits one .NET array.</summary>
    public const int MaxCount = 46_000;

    private const int Block = 64;

    private readonly float[] _values;

    private DistanceMatrix(float[] values, int count)
    {
        _values = values;
        Count = count;
    }

    public int Count { get; }

    public float this[int a, int b] => _values[(long)a * Count + b];

    /// <summary>Distances from face <paramref name="index"/> to every face, itself included (0).</summary>
    public ReadOnlySpan<float> Row(int index) => new(_values, index * Count, Count);

    public static DistanceMatrix Compute(EmbeddingMatrix embeddings, IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        var n = embeddings.Count;
        if (n > MaxCount)
        {
            throw new FaceEvalException(ErrorKind.InvalidData,
                $"{n} faces are too many for a full distance matrix (at most {MaxCount}); use a k-nearest-neighbour graph");
        }

        var values = new float[(long)n * n];
        var blocks = (n + Block - 1) / Block;
        var done = 0;

        // Upper-triangular tiles in parallel; each tile writes both (i, j) and (j, i), and no two tiles
        // touch the same cell, so no locking is needed.
        Parallel.For(0, blocks, new ParallelOptions { CancellationToken = cancellation }, bi =>
        {
            var i0 = bi * Block;
            var i1 = Math.Min(n, i0 + Block);
            for (var bj = bi; bj < blocks; bj++)
            {
                var j0 = bj * Block;
                var j1 = Math.Min(n, j0 + Block);
                for (var i = i0; i < i1; i++)
                {
                    var row = embeddings.Row(i);
                    for (var j = Math.Max(j0, i); j < j1; j++)
                    {
                        var d = i == j ? 0f : Math.Max(0f, 1f - TensorPrimitives.Dot(row, embeddings.Row(j)));
                        values[(long)i * n + j] = d;
                        values[(long)j * n + i] = d;
                    }
                }
            }

            progress?.Report((double)Interlocked.Increment(ref done) / blocks);
        });

        return new DistanceMatrix(values, n);
    }
}
