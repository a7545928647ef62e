using FaceEval.Core.Embeddings;
using FaceEval.Core.Errors;

namespace FaceEval.Core.Neighbors;

/// <summary>
/// Exact k-nearest-neighbour graph on cosine distance <c>1 - cos(a, b)</c>, clamped below at 0 like
/// <see cref="DistanceMatrix"/>: for every face its <see cref="K"/> nearest other faces, sorted by
/// distance ascending and, on equal distance, by index ascending (so the graph is deterministic).
/// Memory is N * K * 8 bytes, so it scales where a full <see cref="DistanceMatrix"/> does not.
/// </summary>
public sealed class KnnGraph
{
    private const int Block = SimilarityTiles.Block;

    private readonly int[] _neighbors;
    private readonly float[] _distances;

    private KnnGraph(int count, int k, int[] neighbors, float[] distances)
    {
        Count = count;
        K = k;
        _neighbors = neighbors;
        _distances = distances;
    }

    /// <summary>Number of faces N.</summary>
    public int Count { get; }

    /// <summary>Neighbours per face: the requested k clamped to N - 1 (0 when N &lt;= 1).</summary>
    public int K { get; }

    /// <summary>All neighbour indices, row-major N x K.</summary>
    public ReadOnlySpan<int> NeighborData => _neighbors;

    /// <summary>All neighbour distances, row-major N x K, aligned with <see cref="NeighborData"/>.</summary>
    public ReadOnlySpan<float> DistanceData => _distances;

    /// <summary>Indices of the K nearest other faces of face <paramref name="index"/>, nearest first.</summary>
    public ReadOnlySpan<int> Neighbors(int index) => new(_neighbors, Offset(index), K);

    /// <summary>Cosine distances in [0, 2] matching <see cref="Neighbors"/>, ascending.</summary>
    public ReadOnlySpan<float> Distances(int index) => new(_distances, Offset(index), K);

    /// <summary>
    /// Computes the exact graph blockwise from the embeddings, using both cores; work O(N^2 * D / 2)
    /// (each pair's dot product is computed once and offered to both faces), memory O(N * K + N * D).
    /// </summary>
    /// <param name="k">Neighbours per face, at least 1; a k &gt; N - 1 is clamped to N - 1 (every other face).</param>
    /// <param name="progress">Receives the fraction of tiles done, in (0, 1].</param>
    /// <exception cref="FaceEvalException">k &lt; 1 (Usage) or N * k too large for one array (InvalidData).</exception>
    public static KnnGraph Build(EmbeddingMatrix embeddings, int k, IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        var n = embeddings.Count;
        var kk = EffectiveK(k, n);
        var lists = new TopKLists(n, kk);
        if (kk == 0)
        {
            return new KnnGraph(n, 0, lists.Indices, lists.Distances);
        }

        var blocks = (n + Block - 1) / Block;
        var locks = new object[blocks];
        for (var b = 0; b < blocks; b++)
        {
            locks[b] = new object();
        }

        SimilarityTiles.ForEachUpperTile(embeddings, (tile, i0, rows, j0, cols) =>
        {
            lock (locks[i0 / Block])
            {
                OfferRows(lists, tile, i0, rows, j0, cols);
            }

            if (j0 != i0)
            {
                lock (locks[j0 / Block])
                {
                    OfferColumns(lists, tile, i0, rows, j0, cols);
                }
            }
        }, progress, cancellation);

        return new KnnGraph(n, kk, lists.Indices, lists.Distances);
    }

    /// <summary>
    /// The same graph read off a full distance matrix (for small N, when the matrix exists anyway).
    /// Neighbours are ranked by the matrix's own values.
    /// </summary>
    /// <param name="k">Neighbours per face, at least 1; a k &gt; N - 1 is clamped to N - 1.</param>
    public static KnnGraph FromDistances(DistanceMatrix distances, int k)
    {
        ArgumentNullException.ThrowIfNull(distances);
        var n = distances.Count;
        var kk = EffectiveK(k, n);
        var lists = new TopKLists(n, kk);
        if (kk > 0)
        {
            Parallel.For(0, n, i =>
            {
                var row = distances.Row(i);
                var bound = float.PositiveInfinity;
                for (var j = 0; j < row.Length; j++)
                {
                    if (j != i && row[j] <= bound)
                    {
                        bound = lists.Offer(i, row[j], j);
                    }
                }
            });
        }

        return new KnnGraph(n, kk, lists.Indices, lists.Distances);
    }

    /// <summary>
    /// A graph read back from its arrays (the cache), checked as far as the arrays alone allow: N x K
    /// entries, every neighbour another face in range, distances finite in [0, 2] and ascending per row.
    /// Takes ownership of both arrays.
    /// </summary>
    /// <exception cref="FaceEvalException">InvalidData, naming the first bad row.</exception>
    public static KnnGraph FromArrays(int count, int k, int[] neighbors, float[] distances)
    {
        ArgumentNullException.ThrowIfNull(neighbors);
        ArgumentNullException.ThrowIfNull(distances);
        if (count < 0 || k < 0 || k > Math.Max(0, count - 1) || neighbors.LongLength != (long)count * k || distances.LongLength != neighbors.LongLength)
        {
            throw new FaceEvalException(ErrorKind.InvalidData, $"{neighbors.LongLength} neighbours and {distances.LongLength} distances do not make a graph of {count} faces x {k}");
        }

        var bad = -1;
        Parallel.For(0, count, (i, state) =>
        {
            var previous = 0f;
            for (var e = i * k; e < (i + 1) * k; e++)
            {
                var (j, d) = (neighbors[e], distances[e]);
                if ((uint)j >= (uint)count || j == i || !(d >= previous) || !(d <= 2f))
                {
                    Interlocked.CompareExchange(ref bad, i, -1);
                    state.Stop();
                    return;
                }

                previous = d;
            }
        });
        if (bad >= 0)
        {
            throw new FaceEvalException(ErrorKind.InvalidData, $"neighbour row {bad} is not a valid nearest-neighbour list (index out of range or itself, or distances not ascending in [0, 2])");
        }

        return new KnnGraph(count, k, neighbors, distances);
    }

    /// <summary>The graph of lists filled by another builder (<see cref="InvertedFileIndex"/>); every row must be full.</summary>
    internal static KnnGraph FromLists(int count, TopKLists lists) => new(count, lists.K, lists.Indices, lists.Distances);

    /// <summary>k clamped to N - 1, refusing k &lt; 1 and graphs too large for one array.</summary>
    internal static int EffectiveKFor(int k, int n) => EffectiveK(k, n);

    private static int EffectiveK(int k, int n)
    {
        if (k < 1)
        {
            throw new FaceEvalException(ErrorKind.Usage, $"k must be at least 1 (got {k})");
        }

        var kk = Math.Min(k, Math.Max(0, n - 1));
        if ((long)n * kk > Array.MaxLength)
        {
            throw new FaceEvalException(ErrorKind.InvalidData, $"a k-nearest-neighbour graph of {n} faces x {kk} neighbours is too large");
        }

        return kk;
    }

    private static void OfferRows(TopKLists lists, float[] tile, int i0, int rows, int j0, int cols)
    {
        for (var r = 0; r < rows; r++)
        {
            var i = i0 + r;
            var bound = lists.Bound(i);
            var line = tile.AsSpan(r * Block, cols);
            for (var c = 0; c < line.Length; c++)
            {
                var dist = Math.Max(0f, 1f - line[c]);
                if (dist <= bound && j0 + c != i)
                {
                    bound = lists.Offer(i, dist, j0 + c);
                }
            }
        }
    }

    private static void OfferColumns(TopKLists lists, float[] tile, int i0, int rows, int j0, int cols)
    {
        for (var c = 0; c < cols; c++)
        {
            var j = j0 + c;
            var bound = lists.Bound(j);
            for (var r = 0; r < rows; r++)
            {
                var dist = Math.Max(0f, 1f - tile[r * Block + c]);
                if (dist <= bound)
                {
                    bound = lists.Offer(j, dist, i0 + r);
                }
            }
        }
    }

    private int Offset(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        return index * K;
    }
}
