using System.Numerics.Tensors;
using FaceEval.Core.Errors;

namespace FaceEval.Core.Embeddings;

/// <summary>
/// N embeddings of dimension D, row-major in one float array. Rows are L2-normalised on construction
/// so that cosine similarity is a plain dot product and cosine distance is <c>1 - dot</c>.
/// </summary>
public sealed class EmbeddingMatrix
{
    private readonly float[] _data;

    private EmbeddingMatrix(float[] data, int count, int dimension)
    {
        _data = data;
        Count = count;
        Dimension = dimension;
    }

    public int Count { get; }

    public int Dimension { get; }

    /// <summary>The whole row-major buffer (length Count * Dimension).</summary>
    public ReadOnlySpan<float> Data => _data;

    public ReadOnlySpan<float> Row(int index) => new(_data, index * Dimension, Dimension);

    /// <summary>
    /// Takes ownership of <paramref name="data"/> and normalises each row in place. Rejects NaN or
    /// infinite values and zero vectors, naming the first offending row.
    /// </summary>
    public static EmbeddingMatrix FromRowMajor(float[] data, int count, int dimension)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (count < 0 || dimension <= 0 || (long)count * dimension != data.LongLength)
        {
            throw new FaceEvalException(ErrorKind.DimensionMismatch,
                $"embedding buffer of {data.LongLength} values does not hold {count} rows of dimension {dimension}");
        }

        for (var i = 0; i < count; i++)
        {
            var row = data.AsSpan(i * dimension, dimension);
            if (RowProblem(row, out var norm) is { } problem)
            {
                throw new FaceEvalException(ErrorKind.InvalidData, $"embedding row {i} {problem}");
            }

            TensorPrimitives.Divide(row, norm, row);
        }

        return new EmbeddingMatrix(data, count, dimension);
    }

    /// <summary>Cosine distance <c>1 - cos(a, b)</c> in [0, 2].</summary>
    public float Distance(int a, int b) => 1f - TensorPrimitives.Dot(Row(a), Row(b));

    /// <summary>A new matrix holding the given rows, in the given order.</summary>
    public EmbeddingMatrix Select(IReadOnlyList<int> rows)
    {
        var data = new float[rows.Count * Dimension];
        for (var i = 0; i < rows.Count; i++)
        {
            Row(rows[i]).CopyTo(data.AsSpan(i * Dimension, Dimension));
        }

        return new EmbeddingMatrix(data, rows.Count, Dimension);
    }

    /// <summary>
    /// Why a row cannot be normalised ("contains NaN or infinity", "has values too large to normalise",
    /// "is a zero vector"), or null with its norm; what a snapshot may hold is decided here too.
    /// </summary>
    internal static string? RowProblem(ReadOnlySpan<float> row, out float norm)
    {
        norm = TensorPrimitives.Norm(row);

        // A NaN or infinity makes the norm non-finite, so rows are only searched value by value when
        // something is wrong (the norm of huge finite values overflows too).
        if (!float.IsFinite(norm))
        {
            return AllFinite(row) ? "has values too large to normalise" : "contains NaN or infinity";
        }

        return norm <= 1e-12f ? "is a zero vector" : null;
    }

    private static bool AllFinite(ReadOnlySpan<float> row)
    {
        foreach (var v in row)
        {
            if (!float.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }
}
