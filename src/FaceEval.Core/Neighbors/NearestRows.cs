using System.Runtime.CompilerServices;
using FaceEval.Core.Errors;

namespace FaceEval.Core.Neighbors;

/// <summary>
/// A set of database rows kept packed for the register-blocked <see cref="SimilarityKernel"/>, searched
/// for each query's k rows of largest dot product (with unit rows: the k nearest by cosine distance).
/// Rows can be replaced or appended one at a time without repacking the rest, so an index over, say,
/// person centroids stays current as labels change. Searches run on every core; not thread-safe
/// against concurrent <see cref="Set"/>.
/// </summary>
public sealed class NearestRows
{
    private const int Block = SimilarityTiles.Block;

    private readonly SimilarityKernel _kernel = SimilarityKernel.Best;
    private float[] _packed;

    /// <param name="dimension">Values per row, at least 1.</param>
    /// <param name="capacity">Rows to make room for up front (more are added as needed).</param>
    public NearestRows(int dimension, int capacity = 0)
    {
        if (dimension <= 0 || capacity < 0)
        {
            throw new FaceEvalException(ErrorKind.Usage, $"dimension must be positive and capacity non-negative, got {dimension} and {capacity}");
        }

        Dimension = dimension;
        _packed = new float[Blocks(capacity) * Block * dimension];
    }

    public int Dimension { get; }

    public int Count { get; private set; }

    /// <summary>Replaces row <paramref name="row"/>, or appends it when <paramref name="row"/> equals <see cref="Count"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Set(int row, ReadOnlySpan<float> values)
    {
        if (row < 0 || row > Count || values.Length != Dimension)
        {
            throw new FaceEvalException(ErrorKind.DimensionMismatch,
                $"row {row} of {values.Length} values does not fit {Count} rows of dimension {Dimension}");
        }

        if (row == Count)
        {
            if ((long)(row + 1) * Dimension > _packed.Length)
            {
                // Panels do not depend on the capacity, so growing is one copy.
                var grown = new float[Blocks(Math.Max(row + 1, 2 * (_packed.Length / Dimension))) * Block * Dimension];
                _packed.AsSpan().CopyTo(grown);
                _packed = grown;
            }

            Count++;
        }

        var nr = _kernel.Nr;
        var panel = _packed.AsSpan(row / nr * nr * Dimension, nr * Dimension);
        var lane = row % nr;
        for (var k = 0; k < values.Length; k++)
        {
            panel[k * nr + lane] = values[k];
        }
    }

    /// <summary>
    /// For each query q, fills <paramref name="index"/>[q * k + i] and <paramref name="similarity"/>[q * k + i]
    /// with its i-th best row and that dot product, best first, ties to the lower row. Rows for which
    /// <paramref name="usable"/> is false, and row <paramref name="excluded"/>[q] for query q, are never
    /// returned; places left over hold -1 and negative infinity.
    /// </summary>
    /// <param name="queries">Row-major, a whole number of rows of <see cref="Dimension"/> values.</param>
    /// <param name="k">Rows wanted per query, at least 1.</param>
    /// <param name="usable">Null, or one flag per row (at least <see cref="Count"/>).</param>
    /// <param name="excluded">Null, or one row per query (-1 for none).</param>
    public void Search(float[] queries, int k, int[] index, float[] similarity, bool[]? usable = null, int[]? excluded = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(similarity);
        var queryCount = queries.Length / Dimension;
        if (k < 1 || queries.Length % Dimension != 0 || index.Length != queryCount * k || similarity.Length != queryCount * k
            || (usable is not null && usable.Length < Count) || (excluded is not null && excluded.Length != queryCount))
        {
            throw new FaceEvalException(ErrorKind.DimensionMismatch,
                $"{queries.Length} query values, k = {k}: not whole rows of dimension {Dimension}, or result and filter arrays of the wrong length");
        }

        Array.Fill(index, -1);
        Array.Fill(similarity, float.NegativeInfinity);
        if (queryCount == 0 || Count == 0)
        {
            return;
        }

        var filter = new Filter(usable, excluded, k);
        SimilarityTiles.ForEachQueryBlock(queries, queryCount, Dimension, (_, i0, rows, packedQueries, tile) =>
        {
            var rowGroups = (rows + _kernel.Mr - 1) / _kernel.Mr;
            for (var j0 = 0; j0 < Count; j0 += Block)
            {
                cancellation.ThrowIfCancellationRequested();
                var cols = Math.Min(Block, Count - j0);
                var panels = (cols + _kernel.Nr - 1) / _kernel.Nr;
                _kernel.Multiply(packedQueries, rowGroups, _packed.AsSpan(j0 * Dimension, panels * _kernel.Nr * Dimension), panels, Dimension, tile, Block);
                KeepBest(tile, i0, rows, j0, cols, filter, index, similarity);
            }
        }, cancellation);
    }

    private static int Blocks(int rows) => (rows + Block - 1) / Block;

    // Rows arrive in increasing order and only a strictly larger value moves ahead, so ties keep the
    // lower row first. Optimised at once: it runs hot right after start-up, before tiering would get to it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void KeepBest(float[] tile, int i0, int rows, int j0, int cols, Filter filter, int[] index, float[] similarity)
    {
        var k = filter.K;
        for (var r = 0; r < rows; r++)
        {
            var q = i0 + r;
            var values = tile.AsSpan(r * Block, cols);
            var bestIndex = index.AsSpan(q * k, k);
            var best = similarity.AsSpan(q * k, k);
            var skip = filter.Excluded is null ? -1 : filter.Excluded[q] - j0;
            for (var c = 0; c < values.Length; c++)
            {
                var value = values[c];
                if (value <= best[k - 1] || c == skip || (filter.Usable is not null && !filter.Usable[j0 + c]))
                {
                    continue;
                }

                var at = k - 1;
                while (at > 0 && value > best[at - 1])
                {
                    best[at] = best[at - 1];
                    bestIndex[at] = bestIndex[at - 1];
                    at--;
                }

                best[at] = value;
                bestIndex[at] = j0 + c;
            }
        }
    }

    private sealed record Filter(bool[]? Usable, int[]? Excluded, int K);
}
