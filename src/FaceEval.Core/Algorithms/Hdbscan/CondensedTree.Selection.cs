namespace FaceEval.Core.Algorithms;

/// <summary>
/// The flat selection over a condensed tree: cluster stabilities, excess of mass or leaves, the epsilon
/// search, and the labels (the second half of scikit-learn's <c>_hdbscan/_tree.pyx</c>).
/// </summary>
internal sealed partial class CondensedTree
{
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
