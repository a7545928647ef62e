using System.Diagnostics;
using Cloud.Unum.USearch;
using FaceEval.Core.Embeddings;

namespace FaceEval.IndexTiming;

/// <summary>A USearch HNSW over every face, and the k-nearest lists it answers for every face.</summary>
public static class HnswGraph
{
    /// <summary>Adds every row under its index as key, on <paramref name="threads"/> threads.</summary>
    public static USearchIndex Build(float[][] rows, HnswMetric metric, int connectivity, int expansionAdd, int threads)
    {
        var index = new USearchIndex(
            metric == HnswMetric.Ip ? MetricKind.Ip : MetricKind.Cos,
            ScalarKind.Float32,
            (ulong)rows[0].Length,
            (ulong)connectivity,
            (ulong)expansionAdd);

        UsearchNative.Reserve(index, rows.Length);
        Parallel.For(0, rows.Length, new ParallelOptions { MaxDegreeOfParallelism = threads }, i => index.Add((ulong)i, rows[i]));
        if (index.Size() != (ulong)rows.Length)
        {
            throw new USearchException($"index holds {index.Size()} vectors after adding {rows.Length}");
        }

        return index;
    }

    /// <summary>
    /// The <paramref name="k"/> nearest other faces of every face (row-major N x k, -1 where fewer were
    /// found): each face asks for k + 1 and its own key is dropped, or the last result when it is missing.
    /// </summary>
    public static int[] QueryAll(USearchIndex index, float[][] rows, int k, int threads)
    {
        var result = new int[rows.Length * k];
        Parallel.For(0, rows.Length, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
        {
            var found = index.Search(rows[i], k + 1, out var keys, out _);
            var write = i * k;
            for (var r = 0; r < found && write < (i + 1) * k; r++)
            {
                if (keys[r] != (ulong)i)
                {
                    result[write++] = (int)keys[r];
                }
            }

            result.AsSpan(write, (i + 1) * k - write).Fill(-1);
        });
        return result;
    }

    public static float[][] Rows(EmbeddingMatrix embeddings)
    {
        var rows = new float[embeddings.Count][];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = embeddings.Row(i).ToArray();
        }

        return rows;
    }

    /// <summary>Wall and CPU seconds (every thread of this process) of <paramref name="action"/>: on a shared machine the CPU figure is the steadier one.</summary>
    public static (double Wall, double Cpu) Seconds(Action action)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        action();
        var wall = watch.Elapsed.TotalSeconds;
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpu).TotalSeconds);
    }
}
