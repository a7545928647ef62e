namespace FaceEval.Core.Algorithms;

/// <summary>
/// HDBSCAN's second half: the condensed tree of a single-linkage dendrogram, cluster stabilities and
/// the flat selection (excess of mass or leaves, optional epsilon), following scikit-learn's
/// <c>_hdbscan/_tree.pyx</c> step by step (same node numbering, traversal orders and comparisons).
/// Lambdas are 1 / distance (+inf at distance 0) in double precision, as there.
/// </summary>
internal sealed partial class CondensedTree
{
    private readonly int _points;
    private readonly List<(int Parent, int Child, double Lambda, int Size)> _rows = [];

    private CondensedTree(int points)
    {
        _points = points;
    }

    /// <summary>Cluster node ids run from N (the root) to N + ClusterCount - 1, parents before children.</summary>
    private int ClusterCount { get; set; }

    private int Root => _points;

    public static CondensedTree Condense(MutualReachabilityLinkage.Merge[] merges, int minClusterSize)
    {
        var n = merges.Length + 1;
        var tree = new CondensedTree(n);
        var root = 2 * n - 2;
        var relabel = new int[root + 1];
        var ignore = new bool[root + 1];
        relabel[root] = n;
        var nextLabel = n + 1;

        int SizeOf(int node) => node < n ? 1 : merges[node - n].Size;

        // Faces of a subtree that falls out of its cluster all leave at this lambda.
        void FallOut(int subtree, int parentLabel, double lambda)
        {
            var queue = new Queue<int>();
            queue.Enqueue(subtree);
            while (queue.TryDequeue(out var node))
            {
                ignore[node] = true;
                if (node < n)
                {
                    tree._rows.Add((parentLabel, node, lambda, 1));
                }
                else
                {
                    queue.Enqueue(merges[node - n].Left);
                    queue.Enqueue(merges[node - n].Right);
                }
            }
        }

        var order = new Queue<int>();
        if (merges.Length > 0 && float.IsPositiveInfinity(merges[^1].Distance))
        {
            SplitPieces(merges, minClusterSize, tree, relabel, ignore, ref nextLabel, order, FallOut);
        }
        else
        {
            order.Enqueue(root);
        }

        while (order.TryDequeue(out var node))
        {
            if (node < n)
            {
                continue;
            }

            var merge = merges[node - n];
            order.Enqueue(merge.Left);
            order.Enqueue(merge.Right);
            if (ignore[node])
            {
                continue;
            }

            var lambda = merge.Distance > 0 ? 1.0 / merge.Distance : double.PositiveInfinity;
            var leftSize = SizeOf(merge.Left);
            var rightSize = SizeOf(merge.Right);
            var label = relabel[node];
            if (leftSize >= minClusterSize && rightSize >= minClusterSize)
            {
                relabel[merge.Left] = nextLabel++;
                tree._rows.Add((label, relabel[merge.Left], lambda, leftSize));
                relabel[merge.Right] = nextLabel++;
                tree._rows.Add((label, relabel[merge.Right], lambda, rightSize));
            }
            else if (leftSize < minClusterSize && rightSize < minClusterSize)
            {
                FallOut(merge.Left, label, lambda);
                FallOut(merge.Right, label, lambda);
            }
            else if (leftSize < minClusterSize)
            {
                relabel[merge.Right] = label;
                FallOut(merge.Left, label, lambda);
            }
            else
            {
                relabel[merge.Left] = label;
                FallOut(merge.Right, label, lambda);
            }
        }

        tree.ClusterCount = nextLabel - n;
        return tree;
    }

    // Pieces a neighbour graph left apart come joined at infinite distance (lambda 0), in the order the
    // forest found them. Any binary order of those joins would invent clusters of several pieces, so the
    // joins are read as one split of the root into all pieces at once: pieces of at least minClusterSize
    // faces become clusters born at lambda 0 (one such piece alone continues the root, as a binary split
    // with one large side does), smaller pieces fall out of the root at lambda 0, i.e. are noise. That is
    // what the full form gives when the pieces join far above every other merge.
    private static void SplitPieces(MutualReachabilityLinkage.Merge[] merges, int minClusterSize, CondensedTree tree, int[] relabel, bool[] ignore,
        ref int nextLabel, Queue<int> order, Action<int, int, double> fallOut)
    {
        var n = merges.Length + 1;
        var pieces = new List<int>();
        var joins = new Queue<int>();
        joins.Enqueue(2 * n - 2);
        while (joins.TryDequeue(out var node))
        {
            if (node >= n && float.IsPositiveInfinity(merges[node - n].Distance))
            {
                ignore[node] = true;
                joins.Enqueue(merges[node - n].Left);
                joins.Enqueue(merges[node - n].Right);
            }
            else
            {
                pieces.Add(node);
            }
        }

        var large = pieces.Where(p => (p < n ? 1 : merges[p - n].Size) >= minClusterSize).ToList();
        foreach (var piece in pieces)
        {
            var size = piece < n ? 1 : merges[piece - n].Size;
            if (size < minClusterSize)
            {
                fallOut(piece, n, 0.0);
            }
            else if (large.Count == 1)
            {
                relabel[piece] = n;
                order.Enqueue(piece);
            }
            else
            {
                relabel[piece] = nextLabel++;
                tree._rows.Add((n, relabel[piece], 0.0, size));
                order.Enqueue(piece);
            }
        }
    }
}
