using System.Numerics;
using FaceEval.Core.Embeddings;
using FaceEval.Core.Errors;

namespace FaceEval.Core.Graphs;

/// <summary>
/// An undirected graph over faces whose edges carry cosine distances, stored as sorted adjacency lists
/// (each edge appears in both endpoints' lists; no self-edges). Built once from a
/// <see cref="DistanceMatrix"/> or an explicit edge list, then shared: a clustering keeps the edges it
/// wants by comparing their distances with its own threshold.
/// </summary>
public sealed class FaceGraph
{
    private readonly int[] _offsets;
    private readonly int[] _targets;
    private readonly float[] _distances;

    private FaceGraph(int[] offsets, int[] targets, float[] distances, float? bound)
    {
        _offsets = offsets;
        _targets = targets;
        _distances = distances;
        Bound = bound;
    }

    public int NodeCount => _offsets.Length - 1;

    /// <summary>Undirected edges (each counted once).</summary>
    public int EdgeCount => _targets.Length / 2;

    /// <summary>
    /// When built from a distance matrix: every pair with distance strictly below this value is an edge,
    /// so any clustering threshold up to it sees the same graph as the full matrix. Null for edge lists.
    /// </summary>
    public float? Bound { get; }

    /// <summary>Neighbours of <paramref name="node"/>, in increasing index order.</summary>
    public ReadOnlySpan<int> Neighbours(int node) => _targets.AsSpan(_offsets[node], _offsets[node + 1] - _offsets[node]);

    /// <summary>Distances to <see cref="Neighbours"/>, element for element.</summary>
    public ReadOnlySpan<float> Distances(int node) => _distances.AsSpan(_offsets[node], _offsets[node + 1] - _offsets[node]);

    /// <summary>Every pair of distinct faces with distance strictly below <paramref name="below"/> (the
    /// comparison of dlib's face clustering example, <c>length(a - b) &lt; threshold</c>).</summary>
    public static FaceGraph FromDistances(DistanceMatrix distances, float below)
    {
        ArgumentNullException.ThrowIfNull(distances);
        var all = new int[distances.Count];
        for (var i = 0; i < all.Length; i++)
        {
            all[i] = i;
        }

        return FromDistances(distances, all, below);
    }

    /// <summary>
    /// The graph over a subset of faces: node k is face <c>faces[k]</c>; edges as in
    /// <see cref="FromDistances(DistanceMatrix, float)"/>.
    /// </summary>
    public static FaceGraph FromDistances(DistanceMatrix distances, IReadOnlyList<int> faces, float below)
    {
        ArgumentNullException.ThrowIfNull(distances);
        ArgumentNullException.ThrowIfNull(faces);
        if (!(below > 0f) || !float.IsFinite(below))
        {
            throw new FaceEvalException(ErrorKind.Usage, $"graph distance bound must be a positive number, got {below}");
        }

        var n = faces.Count;
        var local = new int[distances.Count];
        Array.Fill(local, -1);
        for (var k = 0; k < n; k++)
        {
            var f = faces[k];
            if ((uint)f >= (uint)distances.Count || local[f] >= 0)
            {
                throw new FaceEvalException(ErrorKind.InvalidData, $"face subset entry {k} ({f}) is out of range or repeated");
            }

            local[f] = k;
        }

        var rowTargets = new int[n][];
        var rowDistances = new float[n][];
        Parallel.For(0, n, k =>
        {
            var targets = new List<int>();
            var values = new List<float>();
            ScanRow(distances.Row(faces[k]), faces[k], below, local, targets, values);
            var ts = targets.ToArray();
            var ds = values.ToArray();
            Array.Sort(ts, ds);
            rowTargets[k] = ts;
            rowDistances[k] = ds;
        });

        return FromRows(rowTargets, rowDistances, below);
    }

    /// <summary>
    /// A graph over nodes <c>0..nodeCount-1</c> from explicit edges. Self-edges are ignored (whether a node
    /// votes for itself is a clustering option); a repeated pair, an index out of range or a negative or
    /// non-finite distance is an error.
    /// </summary>
    public static FaceGraph FromEdges(int nodeCount, IEnumerable<FaceEdge> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        if (nodeCount < 0)
        {
            throw new FaceEvalException(ErrorKind.Usage, $"node count must be >= 0, got {nodeCount}");
        }

        var lists = new List<(int Target, float Distance)>[nodeCount];
        for (var i = 0; i < nodeCount; i++)
        {
            lists[i] = [];
        }

        foreach (var e in edges)
        {
            if ((uint)e.A >= (uint)nodeCount || (uint)e.B >= (uint)nodeCount)
            {
                throw new FaceEvalException(ErrorKind.InvalidData, $"edge ({e.A}, {e.B}) names a node outside 0..{nodeCount - 1}");
            }

            if (!float.IsFinite(e.Distance) || e.Distance < 0f)
            {
                throw new FaceEvalException(ErrorKind.InvalidData, $"edge ({e.A}, {e.B}) has distance {e.Distance}; distances must be finite and >= 0");
            }

            if (e.A == e.B)
            {
                continue;
            }

            lists[e.A].Add((e.B, e.Distance));
            lists[e.B].Add((e.A, e.Distance));
        }

        var rowTargets = new int[nodeCount][];
        var rowDistances = new float[nodeCount][];
        for (var i = 0; i < nodeCount; i++)
        {
            var list = lists[i];
            list.Sort((x, y) => x.Target.CompareTo(y.Target));
            for (var k = 1; k < list.Count; k++)
            {
                if (list[k].Target == list[k - 1].Target)
                {
                    throw new FaceEvalException(ErrorKind.InvalidData, $"edge ({i}, {list[k].Target}) is given more than once");
                }
            }

            rowTargets[i] = list.Select(x => x.Target).ToArray();
            rowDistances[i] = list.Select(x => x.Distance).ToArray();
        }

        return FromRows(rowTargets, rowDistances, null);
    }

    /// <summary>The induced graph on <paramref name="nodes"/>; node k of the result is <c>nodes[k]</c>.</summary>
    public FaceGraph Subgraph(IReadOnlyList<int> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var local = new int[NodeCount];
        Array.Fill(local, -1);
        for (var k = 0; k < nodes.Count; k++)
        {
            var v = nodes[k];
            if ((uint)v >= (uint)NodeCount || local[v] >= 0)
            {
                throw new FaceEvalException(ErrorKind.InvalidData, $"subgraph node entry {k} ({v}) is out of range or repeated");
            }

            local[v] = k;
        }

        var offsets = new int[nodes.Count + 1];
        for (var k = 0; k < nodes.Count; k++)
        {
            var count = 0;
            foreach (var t in Neighbours(nodes[k]))
            {
                if (local[t] >= 0)
                {
                    count++;
                }
            }

            offsets[k + 1] = offsets[k] + count;
        }

        var targets = new int[offsets[^1]];
        var distances = new float[targets.Length];
        var sortNeeded = false;
        for (var k = 0; k < nodes.Count; k++)
        {
            var at = offsets[k];
            var ns = Neighbours(nodes[k]);
            var ds = Distances(nodes[k]);
            for (var e = 0; e < ns.Length; e++)
            {
                var l = local[ns[e]];
                if (l >= 0)
                {
                    if (at > offsets[k] && targets[at - 1] > l)
                    {
                        sortNeeded = true;
                    }

                    targets[at] = l;
                    distances[at] = ds[e];
                    at++;
                }
            }

            if (sortNeeded)
            {
                Array.Sort(targets, distances, offsets[k], offsets[k + 1] - offsets[k]);
                sortNeeded = false;
            }
        }

        return new FaceGraph(offsets, targets, distances, Bound);
    }

    private static void ScanRow(ReadOnlySpan<float> row, int self, float below, int[] local, List<int> targets, List<float> values)
    {
        var threshold = new Vector<float>(below);
        var width = Vector<float>.Count;
        var j = 0;
        for (; j + width <= row.Length; j += width)
        {
            // Most pairs are far apart: skip whole vectors with no candidate.
            if (!Vector.LessThanAny(new Vector<float>(row.Slice(j, width)), threshold))
            {
                continue;
            }

            for (var t = j; t < j + width; t++)
            {
                Collect(row, t);
            }
        }

        for (; j < row.Length; j++)
        {
            Collect(row, j);
        }

        void Collect(ReadOnlySpan<float> r, int face)
        {
            if (face != self && r[face] < below && local[face] >= 0)
            {
                targets.Add(local[face]);
                values.Add(r[face]);
            }
        }
    }

    private static FaceGraph FromRows(int[][] rowTargets, float[][] rowDistances, float? bound)
    {
        var offsets = new int[rowTargets.Length + 1];
        for (var i = 0; i < rowTargets.Length; i++)
        {
            offsets[i + 1] = checked(offsets[i] + rowTargets[i].Length);
        }

        var targets = new int[offsets[^1]];
        var distances = new float[targets.Length];
        for (var i = 0; i < rowTargets.Length; i++)
        {
            rowTargets[i].CopyTo(targets, offsets[i]);
            rowDistances[i].CopyTo(distances, offsets[i]);
        }

        return new FaceGraph(offsets, targets, distances, bound);
    }
}
