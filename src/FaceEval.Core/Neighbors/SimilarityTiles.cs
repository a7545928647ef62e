using FaceEval.Core.Embeddings;
using FaceEval.Core.Errors;

namespace FaceEval.Core.Neighbors;

/// <summary>
/// Drives <see cref="SimilarityKernel"/> over the upper-triangular tiles (bi &lt;= bj) of the N x N dot
/// product matrix of an <see cref="EmbeddingMatrix"/>, on every core, and hands each finished tile to a
/// callback. The one all-pairs engine behind both <see cref="KnnGraph"/> and <see cref="DistanceMatrix"/>:
/// each pair's dot product is computed once, by the same FMA chain, wherever it falls. Its query-block
/// loop also drives <see cref="NearestRows"/>.
/// </summary>
internal static class SimilarityTiles
{
    /// <summary>Rows per block on both sides of a tile: a multiple of every kernel's Mr (12, 6) and Nr (32, 16).</summary>
    public const int Block = 192;

    /// <summary>
    /// Receives tile[r * <see cref="Block"/> + c] = dot(row i0 + r, row j0 + c) for r &lt; rows, c &lt; cols,
    /// with i0 &lt;= j0. Calls run concurrently on different tiles; the tile buffer is reused after return.
    /// </summary>
    public delegate void TileAction(float[] tile, int i0, int rows, int j0, int cols);

    /// <param name="progress">Receives the fraction of tiles done, in (0, 1].</param>
    public static void ForEachUpperTile(EmbeddingMatrix embeddings, TileAction action, IProgress<double>? progress, CancellationToken cancellation)
    {
        var n = embeddings.Count;
        var d = embeddings.Dimension;
        if (n == 0)
        {
            return;
        }

        var kernel = SimilarityKernel.Best;
        var blocks = (n + Block - 1) / Block;
        if ((long)blocks * Block * d > Array.MaxLength)
        {
            throw new FaceEvalException(ErrorKind.InvalidData, $"{n} faces x {d} dimensions are too many for one all-pairs pass");
        }

        // The database side is packed once (Nr rows interleaved per dimension, zero padded); block bj
        // starts at panel bj * Block / Nr because Block is a multiple of Nr.
        var data = embeddings.Data.ToArray();
        var packedDb = GC.AllocateUninitializedArray<float>(blocks * Block * d);
        Parallel.For(0, blocks, new ParallelOptions { CancellationToken = cancellation }, b =>
        {
            var first = b * Block;
            SimilarityKernel.Pack(data, first, Math.Min(Block, n - first), d, kernel.Nr, packedDb.AsSpan(first * d, Block * d));
        });

        var totalTiles = (long)blocks * (blocks + 1) / 2;
        long tilesDone = 0;
        ForEachQueryBlock(data, n, d, (bi, i0, rows, packedQueries, tile) =>
        {
            var rowGroups = (rows + kernel.Mr - 1) / kernel.Mr;
            for (var bj = bi; bj < blocks; bj++)
            {
                cancellation.ThrowIfCancellationRequested();
                var j0 = bj * Block;
                var cols = Math.Min(Block, n - j0);
                var panels = (cols + kernel.Nr - 1) / kernel.Nr;
                kernel.Multiply(packedQueries, rowGroups, packedDb.AsSpan(j0 * d, panels * kernel.Nr * d), panels, d, tile, Block);
                action(tile, i0, rows, j0, cols);
            }

            var done = Interlocked.Add(ref tilesDone, blocks - bi);
            progress?.Report((double)done / totalTiles);
        }, cancellation);
    }

    /// <summary>Receives query block <paramref name="block"/> (rows [i0, i0 + rows)) packed for the kernel, and a Block x Block tile to fill.</summary>
    public delegate void QueryBlockAction(int block, int i0, int rows, float[] packedQueries, float[] tile);

    /// <summary>
    /// Hands the query blocks of a row-major (count x d) buffer, in order, to one worker per core, each
    /// block packed for <see cref="SimilarityKernel.Best"/> into the worker's own buffers.
    /// </summary>
    public static void ForEachQueryBlock(float[] queries, int count, int d, QueryBlockAction action, CancellationToken cancellation)
    {
        var kernel = SimilarityKernel.Best;
        var blocks = (count + Block - 1) / Block;
        var nextBlock = -1;

        // Blocks are handed out in order; callers whose first blocks cost most (the upper triangle) are
        // balanced that way without a scheduler.
        Parallel.For(0, Math.Min(Environment.ProcessorCount, blocks), new ParallelOptions { CancellationToken = cancellation }, _ =>
        {
            var packedQueries = GC.AllocateUninitializedArray<float>((Math.Min(count, Block) + kernel.Mr - 1) / kernel.Mr * kernel.Mr * d);
            var tile = GC.AllocateUninitializedArray<float>(Block * Block);
            int bi;
            while ((bi = Interlocked.Increment(ref nextBlock)) < blocks)
            {
                var i0 = bi * Block;
                var rows = Math.Min(Block, count - i0);
                SimilarityKernel.Pack(queries, i0, rows, d, kernel.Mr, packedQueries);
                action(bi, i0, rows, packedQueries, tile);
            }
        });
    }
}
