namespace FaceEval.Core.Algorithms;

/// <summary>
/// HDBSCAN's second half: the condensed tree of a single-linkage dendrogram, cluster stabilities and
/// the flat selection (excess of mass or leaves, optional epsilon), following scikit-learn's
/// <c>_hdbscan/_tree.pyx</c> step by step (same node numbering, traversal orders and comparisons).
/// Lambdas are 1 / distance (+inf at distance 0) in double precision, as there.
/// </summary>
internal sealed class CondensedTree
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

    /// <summary>Flat labels: clusters numbered in ascending node id, -1 noise.</summary>
    public int[] Labels(ClusterSelectionMethod method, bool allowSingleCluster, double epsilon)
    {
        var clusters = ClusterCount;
        var parentOf = new int[clusters];
        var birth = new double[clusters];
        var children = new List<int>[clusters];
        for (var c = 0; c < clusters; c++)
        {
            children[c] = [];
        }

        foreach (var (parent, child, lambda, size) in _rows)
        {
            if (size > 1)
            {
                parentOf[child - Root] = parent;
                birth[child - Root] = lambda;
                children[parent - Root].Add(child);
            }
        }

        var selected = new SortedSet<int>();
        if (method == ClusterSelectionMethod.ExcessOfMass)
        {
            var isCluster = ExcessOfMass(children, allowSingleCluster);
            for (var c = 0; c < clusters; c++)
            {
                if (isCluster[c])
                {
                    selected.Add(c + Root);
                }
            }

            if (epsilon != 0 && clusters > 1)
            {
                if (selected.Count == 1 && selected.Min == Root)
                {
                    if (!allowSingleCluster)
                    {
                        selected.Clear();
                    }
                }
                else
                {
                    selected = EpsilonSearch(selected, parentOf, birth, children, epsilon, allowSingleCluster);
                }
            }
        }
        else
        {
            var leaves = new SortedSet<int>();
            for (var c = 1; c < clusters; c++)
            {
                if (children[c].Count == 0)
                {
                    leaves.Add(c + Root);
                }
            }

            selected = epsilon != 0 ? EpsilonSearch(leaves, parentOf, birth, children, epsilon, allowSingleCluster) : leaves;
        }

        return Label(selected, allowSingleCluster, epsilon);
    }

    private double[] Stability()
    {
        var birth = new double[ClusterCount];
        foreach (var (_, child, lambda, size) in _rows)
        {
            if (size > 1)
            {
                birth[child - Root] = lambda;
            }
        }

        var stability = new double[ClusterCount];
        foreach (var (parent, _, lambda, size) in _rows)
        {
            stability[parent - Root] += (lambda - birth[parent - Root]) * size;
        }

        return stability;
    }

    private bool[] ExcessOfMass(List<int>[] children, bool allowSingleCluster)
    {
        var stability = Stability();
        var isCluster = new bool[ClusterCount];
        var last = allowSingleCluster ? 0 : 1;
        for (var c = last; c < ClusterCount; c++)
        {
            isCluster[c] = true;
        }

        // Descending ids visit children before parents.
        for (var c = ClusterCount - 1; c >= last; c--)
        {
            var subtree = 0.0;
            foreach (var child in children[c])
            {
                subtree += stability[child - Root];
            }

            if (subtree > stability[c])
            {
                isCluster[c] = false;
                stability[c] = subtree;
            }
            else
            {
                var stack = new Stack<int>(children[c]);
                while (stack.TryPop(out var sub))
                {
                    isCluster[sub - Root] = false;
                    foreach (var grandchild in children[sub - Root])
                    {
                        stack.Push(grandchild);
                    }
                }
            }
        }

        return isCluster;
    }

    // Reference: epsilon_search / traverse_upwards. The reference iterates a Python set; ascending
    // node ids is our fixed order (it only matters for nested epsilon selections).
    private SortedSet<int> EpsilonSearch(SortedSet<int> candidates, int[] parentOf, double[] birth, List<int>[] children, double epsilon, bool allowSingleCluster)
    {
        var selected = new SortedSet<int>();
        var processed = new HashSet<int>();
        foreach (var leaf in candidates)
        {
            var eps = 1.0 / birth[leaf - Root];
            if (eps < epsilon)
            {
                if (processed.Contains(leaf))
                {
                    continue;
                }

                var chosen = TraverseUpwards(leaf, parentOf, birth, epsilon, allowSingleCluster);
                selected.Add(chosen);
                var stack = new Stack<int>(children[chosen - Root]);
                while (stack.TryPop(out var sub))
                {
                    processed.Add(sub);
                    foreach (var grandchild in children[sub - Root])
                    {
                        stack.Push(grandchild);
                    }
                }
            }
            else
            {
                selected.Add(leaf);
            }
        }

        return selected;
    }

    private int TraverseUpwards(int leaf, int[] parentOf, double[] birth, double epsilon, bool allowSingleCluster)
    {
        while (true)
        {
            var parent = parentOf[leaf - Root];
            if (parent == Root)
            {
                return allowSingleCluster ? parent : leaf;
            }

            if (1.0 / birth[parent - Root] > epsilon)
            {
                return parent;
            }

            leaf = parent;
        }
    }

    // Reference: do_labelling. A face belongs to its nearest selected ancestor cluster; faces whose
    // only such ancestor is the root are noise unless the root is the single selected cluster.
    private int[] Label(SortedSet<int> selected, bool allowSingleCluster, double epsilon)
    {
        var number = new Dictionary<int, int>();
        foreach (var c in selected)
        {
            number[c] = number.Count;
        }

        // Parents have smaller ids than children, so one ascending pass resolves every cluster.
        var owner = new int[ClusterCount];
        var parentOf = new int[ClusterCount];
        foreach (var (parent, child, _, size) in _rows)
        {
            if (size > 1)
            {
                parentOf[child - Root] = parent;
            }
        }

        for (var c = 0; c < ClusterCount; c++)
        {
            var id = c + Root;
            owner[c] = selected.Contains(id) || c == 0 ? id : owner[parentOf[c] - Root];
        }

        var rootOnly = selected.Count == 1 && allowSingleCluster && selected.Contains(Root);
        var rootThreshold = double.NegativeInfinity;
        if (rootOnly)
        {
            if (epsilon != 0)
            {
                rootThreshold = 1.0 / epsilon;
            }
            else
            {
                foreach (var (parent, _, lambda, _) in _rows)
                {
                    if (parent == Root && lambda > rootThreshold)
                    {
                        rootThreshold = lambda;
                    }
                }
            }
        }

        var labels = new int[_points];
        foreach (var (parent, child, lambda, size) in _rows)
        {
            if (size != 1)
            {
                continue;
            }

            var cluster = owner[parent - Root];
            if (cluster != Root)
            {
                labels[child] = number[cluster];
            }
            else
            {
                labels[child] = rootOnly && lambda >= rootThreshold ? number[Root] : -1;
            }
        }

        return labels;
    }
}
