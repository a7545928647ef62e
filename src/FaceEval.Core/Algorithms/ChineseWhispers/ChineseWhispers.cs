using System.Globalization;
using FaceEval.Core.Embeddings;
using FaceEval.Core.Errors;
using FaceEval.Core.Graphs;
using FaceEval.Core.Neighbors;

namespace FaceEval.Core.Algorithms;

/// <summary>
/// Chinese Whispers graph clustering, following dlib's <c>chinese_whispers</c>
/// (dlib/clustering/chinese_whispers.h, davisking/dlib at 481bee84bab5acf6e93238c5101e57f1d148e52d):
/// every node starts with its own label; <c>Iterations * nodeCount</c> times a node is picked uniformly at
/// random (with replacement) and takes the label with the largest summed edge weight among its neighbours
/// (ties go to the smallest label, as dlib's ordered map with a strict <c>&gt;</c> does; a node with no
/// votes keeps its label); finally labels are renumbered 0..k-1 in order of first appearance by node index.
/// The random stream is <see cref="Random"/> seeded with the given seed, so results are deterministic for a
/// seed but not bit-identical to dlib's generator. A face with no edge keeps a label of its own (a singleton
/// cluster), so no label is -1.
/// </summary>
public static class ChineseWhispers
{
    /// <summary>Clusters all faces of <paramref name="distances"/> (edges where distance &lt; threshold).</summary>
    public static int[] Cluster(DistanceMatrix distances, ChineseWhispersOptions options, int seed)
    {
        ArgumentNullException.ThrowIfNull(distances);
        ArgumentNullException.ThrowIfNull(options);
        return Cluster(FaceGraph.FromDistances(distances, (float)options.Threshold), options, seed);
    }

    /// <summary>
    /// The Chinese Whispers graph on a k-nearest-neighbour graph: its pairs with distance strictly below
    /// <paramref name="below"/>. dlib's graph joins every such pair; this one only those where one face is
    /// among the other's k nearest, so it is a k-capped subgraph of dlib's, equal to it when no face has
    /// all k neighbours below the threshold (<see cref="NeighborGraph.CutOffCount"/> is 0). Lists are in
    /// index order like <see cref="FaceGraph.FromDistances(DistanceMatrix, float)"/>'s, so on equal edges
    /// the same seed gives the same labels.
    /// </summary>
    public static FaceGraph EdgesBelow(NeighborGraph graph, float below)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var edges = new List<FaceEdge>();
        for (var i = 0; i < graph.Count; i++)
        {
            var ns = graph.Neighbours(i);
            var ds = graph.Distances(i);
            for (var e = 0; e < ns.Length; e++)
            {
                if (ns[e] > i && ds[e] < below)
                {
                    edges.Add(new FaceEdge(i, ns[e], ds[e]));
                }
            }
        }

        return FaceGraph.FromEdges(graph.Count, edges);
    }

    /// <summary>
    /// Clusters the nodes of <paramref name="graph"/>, using only edges whose distance is strictly below
    /// <see cref="ChineseWhispersOptions.Threshold"/>. For a graph built from a distance matrix, the
    /// threshold must not exceed the graph's bound (edges beyond it were never stored).
    /// </summary>
    public static int[] Cluster(FaceGraph graph, ChineseWhispersOptions options, int seed)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(options);

        // Distances are stored as float, so the edges kept are those below the float nearest the threshold;
        // the graph covers them iff that same float is within its bound. Comparing the double threshold
        // instead refused every threshold whose float rounds down (0.22 > 0.22f), i.e. the graph built for it.
        var threshold = (float)options.Threshold;
        if (graph.Bound is { } bound && threshold > bound)
        {
            throw new FaceEvalException(ErrorKind.Usage,
                $"chinese-whispers threshold {options.Threshold.ToString("R", CultureInfo.InvariantCulture)} exceeds the distance bound {bound.ToString("R", CultureInfo.InvariantCulture)} the graph was built with");
        }

        var n = graph.NodeCount;

        // Keep the edges under the threshold with their weights, once, rather than filtering at every visit.
        var offsets = new int[n + 1];
        for (var i = 0; i < n; i++)
        {
            var count = 0;
            foreach (var d in graph.Distances(i))
            {
                if (d < threshold)
                {
                    count++;
                }
            }

            offsets[i + 1] = offsets[i] + count;
        }

        var targets = new int[offsets[n]];

        // Unit weights need no array: a sum of 1.0s is exact in any order.
        var unit = options.Weight == EdgeWeight.Unit;
        var weights = unit ? [] : new double[targets.Length];
        for (var i = 0; i < n; i++)
        {
            var at = offsets[i];
            var ns = graph.Neighbours(i);
            var ds = graph.Distances(i);
            for (var e = 0; e < ns.Length; e++)
            {
                if (ds[e] < threshold)
                {
                    targets[at] = ns[e];
                    if (!unit)
                    {
                        weights[at] = 1.0 - ds[e];
                    }

                    at++;
                }
            }
        }

        var labels = new int[n];
        for (var i = 0; i < n; i++)
        {
            labels[i] = i;
        }

        if (n == 0)
        {
            return labels;
        }

        var selfLoops = options.SelfLoops && options.Weight == EdgeWeight.Unit;
        var votes = new double[n];
        var touched = new int[n];
        var seenAt = new long[n];
        Array.Fill(seenAt, -1L);
        var stamp = 0L;

        // The label a node takes when picked: the heaviest vote, ties to the smallest label; its own when it has no votes.
        int Best(int node)
        {
            stamp++;
            var touchedCount = 0;

            // dlib's face example stores (i, i) as an edge of weight 1 (see ChineseWhispersOptions.SelfLoops).
            if (selfLoops)
            {
                var own = labels[node];
                votes[own] = 1.0;
                seenAt[own] = stamp;
                touched[touchedCount++] = own;
            }

            for (var e = offsets[node]; e < offsets[node + 1]; e++)
            {
                var label = labels[targets[e]];
                if (seenAt[label] != stamp)
                {
                    seenAt[label] = stamp;
                    touched[touchedCount++] = label;
                }

                votes[label] += unit ? 1.0 : weights[e];
            }

            if (touchedCount == 0)
            {
                return labels[node];
            }

            var best = touched[0];
            var bestScore = votes[best];
            for (var t = 1; t < touchedCount; t++)
            {
                var label = touched[t];
                var score = votes[label];
                if (score > bestScore || (score == bestScore && label < best))
                {
                    best = label;
                    bestScore = score;
                }
            }

            for (var t = 0; t < touchedCount; t++)
            {
                votes[touched[t]] = 0.0;
            }

            return best;
        }

        // A node's pick is a function of its neighbours' labels (and its own, with self loops) only. So a node
        // none of whose neighbours changed label since its last pick would pick the same label again: it is
        // "clean", and its pick is skipped (its random draw is still taken, so the stream of picks is dlib's).
        // Every node starts dirty; a label change dirties the node and its neighbours (the graph is symmetric,
        // so they are exactly the nodes whose votes saw it). When no node is dirty, every node already holds
        // its best label: a fixed point, where every remaining pick would change nothing, so stopping there
        // gives exactly the labels of all Iterations * n picks.
        var dirty = new bool[n];
        Array.Fill(dirty, true);
        var dirtyCount = n;
        var rng = new Random(seed);
        for (var round = 0; round < options.Iterations && dirtyCount > 0; round++)
        {
            for (var step = 0; step < n; step++)
            {
                var node = rng.Next(n);
                if (!dirty[node])
                {
                    continue;
                }

                var best = Best(node);
                dirty[node] = false;
                dirtyCount--;
                if (best == labels[node])
                {
                    continue;
                }

                labels[node] = best;
                dirty[node] = true;
                dirtyCount++;
                for (var e = offsets[node]; e < offsets[node + 1]; e++)
                {
                    var t = targets[e];
                    if (!dirty[t])
                    {
                        dirty[t] = true;
                        dirtyCount++;
                    }
                }
            }
        }

        FirstSeenLabels.Renumber(labels);
        return labels;
    }
}
