using FaceEval.Core.Embeddings;

namespace FaceEval.Core.Algorithms;

/// <summary>
/// DBSCAN on cosine distance, reproducing scikit-learn's <c>DBSCAN(metric='cosine')</c> labels exactly,
/// numbering included. Deterministic: no randomness is involved.
/// </summary>
public static partial class Dbscan
{
    /// <summary>
    /// Labels 0..k-1, -1 for noise. A face is core when at least <see cref="DbscanOptions.MinSamples"/>
    /// faces (itself included) lie within distance <c>&lt;=</c> <see cref="DbscanOptions.Eps"/>. Clusters
    /// are numbered in order of their lowest-index core face, and a border face reachable from several
    /// clusters joins the lowest-numbered one, which is the one scikit-learn expands to it first.
    /// For an eps sweep use <see cref="DbscanThresholdSweep"/>.
    /// </summary>
    public static int[] Cluster(DistanceMatrix distances, DbscanOptions options, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(distances);
        ArgumentNullException.ThrowIfNull(options);
        var n = distances.Count;
        var eps = options.Eps;
        var minSamples = options.MinSamples;

        var core = new bool[n];
        Parallel.For(0, n, new ParallelOptions { CancellationToken = cancellation }, i =>
        {
            var count = 0;
            foreach (var d in distances.Row(i))
            {
                if (d <= eps && ++count >= minSamples)
                {
                    core[i] = true;
                    break;
                }
            }
        });

        var labels = new int[n];
        Array.Fill(labels, -1);
        var stack = new Stack<int>();
        var next = 0;
        for (var i = 0; i < n; i++)
        {
            if (labels[i] != -1 || !core[i])
            {
                continue;
            }

            cancellation.ThrowIfCancellationRequested();

            // Labelling on push (scikit-learn labels on pop) gives the same result, because only this
            // cluster is being expanded, and keeps the stack at most N long.
            labels[i] = next;
            stack.Push(i);
            while (stack.Count > 0)
            {
                var p = stack.Pop();
                if (!core[p])
                {
                    continue;
                }

                var row = distances.Row(p);
                for (var j = 0; j < n; j++)
                {
                    if (labels[j] == -1 && row[j] <= eps)
                    {
                        labels[j] = next;
                        stack.Push(j);
                    }
                }
            }

            next++;
        }

        return labels;
    }
}
