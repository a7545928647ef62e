namespace FaceEval.Core.Neighbors;

/// <summary>
/// A <see cref="KnnGraph"/> made undirected: j is a neighbour of i when either lists the other, so every
/// pair the directed graph found is usable from both ends (the distance is the same float both ways: the
/// kernel computes each pair once). Adjacency lists are sorted by index, as
/// <see cref="Graphs.FaceGraph"/>'s are. The directed lists stay available for what only they answer:
/// the m-th nearest neighbour (DBSCAN's core test) and how far each face's list reaches.
/// </summary>
public sealed class NeighborGraph
{
    private readonly int[] _offsets;
    private readonly int[] _targets;
    private readonly float[] _distances;

    public NeighborGraph(KnnGraph directed)
    {
        ArgumentNullException.ThrowIfNull(directed);
        Directed = directed;
        var n = directed.Count;
        var k = directed.K;
        var ids = directed.NeighborData;
        var degree = new int[n + 1];
        for (var i = 0; i < n; i++)
        {
            degree[i] += k;
            foreach (var j in ids.Slice(i * k, k))
            {
                degree[j]++;
            }
        }

        var offsets = new int[n + 1];
        for (var i = 0; i < n; i++)
        {
            offsets[i + 1] = checked(offsets[i] + degree[i]);
        }

        var targets = new int[offsets[n]];
        var distances = new float[targets.Length];
        var fill = offsets.AsSpan(0, n).ToArray();
        var ds = directed.DistanceData;
        for (var i = 0; i < n; i++)
        {
            for (var e = i * k; e < (i + 1) * k; e++)
            {
                var j = ids[e];
                targets[fill[i]] = j;
                distances[fill[i]++] = ds[e];
                targets[fill[j]] = i;
                distances[fill[j]++] = ds[e];
            }
        }

        // Sort each list by index and drop the second copy of a pair both faces list.
        var kept = new int[n + 1];
        Parallel.For(0, n, i =>
        {
            var start = offsets[i];
            var length = offsets[i + 1] - start;
            Array.Sort(targets, distances, start, length);
            var write = start;
            for (var r = start; r < start + length; r++)
            {
                if (write == start || targets[write - 1] != targets[r])
                {
                    targets[write] = targets[r];
                    distances[write++] = distances[r];
                }
            }

            kept[i] = write - start;
        });

        _offsets = new int[n + 1];
        for (var i = 0; i < n; i++)
        {
            _offsets[i + 1] = _offsets[i] + kept[i];
        }

        _targets = new int[_offsets[n]];
        _distances = new float[_targets.Length];
        for (var i = 0; i < n; i++)
        {
            Array.Copy(targets, offsets[i], _targets, _offsets[i], kept[i]);
            Array.Copy(distances, offsets[i], _distances, _offsets[i], kept[i]);
        }
    }

    /// <summary>The directed k-nearest lists this graph was made from.</summary>
    public KnnGraph Directed { get; }

    public int Count => Directed.Count;

    public int K => Directed.K;

    /// <summary>Undirected edges, each counted once.</summary>
    public long EdgeCount => _targets.Length / 2;

    /// <summary>Neighbours of <paramref name="node"/> in either direction, in increasing index order.</summary>
    public ReadOnlySpan<int> Neighbours(int node) => _targets.AsSpan(_offsets[node], _offsets[node + 1] - _offsets[node]);

    /// <summary>Distances to <see cref="Neighbours"/>, element for element.</summary>
    public ReadOnlySpan<float> Distances(int node) => _distances.AsSpan(_offsets[node], _offsets[node + 1] - _offsets[node]);

    /// <summary>
    /// How many faces have their k-th nearest neighbour within <paramref name="bound"/> (<c>&lt;=</c> when
    /// <paramref name="inclusive"/>, else <c>&lt;</c>): only their lists may leave out a face within that bound.
    /// With no such face every pair within the bound is an edge, and an algorithm reading only those
    /// pairs sees what it would see on the full matrix. None when the lists hold every other face (k = N - 1).
    /// </summary>
    public int CutOffCount(double bound, bool inclusive)
    {
        var n = Count;
        var k = K;
        if (k == 0 || k >= n - 1)
        {
            return 0;
        }

        var count = 0;
        var ds = Directed.DistanceData;
        for (var i = 0; i < n; i++)
        {
            var d = ds[i * k + k - 1];
            if (inclusive ? d <= bound : d < bound)
            {
                count++;
            }
        }

        return count;
    }
}
