using System.Numerics.Tensors;
using FaceEval.Core.Errors;
using FaceEval.Core.Neighbors;

namespace FaceEval.Core.Embeddings;

/// <summary>
/// All pairwise cosine distances <c>1 - cos(a, b)</c> of an <see cref="EmbeddingMatrix"/>, stored as a
/// full symmetric N x N float matrix (N^2 * 4 bytes: 0.9 GB for 15,000 faces). Built once and shared by
/// every setting of a sweep. Beyond <see cref="MaxCount"/> faces it is refused: no option offers a
/// sparser structure yet, so the error says what the limit is and why instead of pointing at one.
/// </summary>
public sealed class DistanceMatrix
{
    /// <summary>Largest N whose N x N matrix fits one .NET array.</summary>
    public const int MaxCount = 46_000;

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
            throw new FaceEvalException(ErrorKind.InvalidData, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{n} faces are too many: clustering keeps all N x N float32 distances, {Gigabytes(n):F1} GB for {n} faces, and one array holds at most {MaxCount} x {MaxCount} ({Gigabytes(MaxCount):F1} GB); use a snapshot of at most {MaxCount} faces"));
        }

        // Every cell is written below: each upper tile row by row, then its mirror image.
        var values = GC.AllocateUninitializedArray<float>(n * n);
        SimilarityTiles.ForEachUpperTile(embeddings, (tile, i0, rows, j0, cols) =>
        {
            for (var r = 0; r < rows; r++)
            {
                var line = values.AsSpan((i0 + r) * n + j0, cols);
                TensorPrimitives.Subtract(1f, tile.AsSpan(r * SimilarityTiles.Block, cols), line);
                TensorPrimitives.Max(line, 0f, line);
            }

            if (i0 == j0)
            {
                for (var r = 0; r < rows; r++)
                {
                    values[(i0 + r) * n + i0 + r] = 0f;
                }
            }

            Mirror(values, tile, n, i0, rows, j0, cols);
        }, progress, cancellation);

        return new DistanceMatrix(values, n);
    }

    private static double Gigabytes(long faces) => faces * faces * sizeof(float) / 1e9;

    // Writes the tile's block again at (j0.., i0..), transposed, so the matrix is exactly symmetric by
    // construction (the same float goes through the same clamp). Reading the tile (in cache) down its
    // columns is far cheaper than reading the big matrix down its columns, which touches a new page
    // per element. On a diagonal tile only the part above the diagonal is mirrored.
    private static void Mirror(float[] values, float[] tile, int n, int i0, int rows, int j0, int cols)
    {
        for (var c = 0; c < cols; c++)
        {
            var target = values.AsSpan((j0 + c) * n + i0, i0 == j0 ? c : rows);
            for (var r = 0; r < target.Length; r++)
            {
                target[r] = Math.Max(0f, 1f - tile[r * SimilarityTiles.Block + c]);
            }
        }
    }
}
