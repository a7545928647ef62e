namespace FaceEval.Core.Hierarchy;

/// <summary>Disjoint sets over 0..n-1 with union by size and path halving.</summary>
internal sealed class UnionFind
{
    private readonly int[] _parent;
    private readonly int[] _size;

    public UnionFind(int count)
    {
        _parent = new int[count];
        _size = new int[count];
        for (var i = 0; i < count; i++)
        {
            _parent[i] = i;
            _size[i] = 1;
        }
    }

    public int Find(int x)
    {
        while (_parent[x] != x)
        {
            _parent[x] = _parent[_parent[x]];
            x = _parent[x];
        }

        return x;
    }

    /// <summary>Joins the sets of a and b; returns the new root, or -1 if they were already one set.</summary>
    public int Union(int a, int b)
    {
        var ra = Find(a);
        var rb = Find(b);
        if (ra == rb)
        {
            return -1;
        }

        if (_size[ra] < _size[rb])
        {
            (ra, rb) = (rb, ra);
        }

        _parent[rb] = ra;
        _size[ra] += _size[rb];
        return ra;
    }

    public int SizeOf(int x) => _size[Find(x)];

    /// <summary>
    /// Labels 0..k-1 numbered in order of each set's lowest member (first-seen order); points for which
    /// <paramref name="include"/> is false get -1 and do not take a number.
    /// </summary>
    public int[] Labels(Func<int, bool>? include = null)
    {
        var n = _parent.Length;
        var labels = new int[n];
        var rootLabel = new int[n];
        Array.Fill(rootLabel, -1);
        var next = 0;
        for (var i = 0; i < n; i++)
        {
            if (include is not null && !include(i))
            {
                labels[i] = -1;
                continue;
            }

            var r = Find(i);
            if (rootLabel[r] < 0)
            {
                rootLabel[r] = next++;
            }

            labels[i] = rootLabel[r];
        }

        return labels;
    }
}
