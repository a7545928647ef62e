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
        var labels = new int[n];
        for (var i = 0; i < n; i++)
        {
            labels[i] = i;
        }

        if (n == 0)
        {
            return labels;
        }

        // The edges below the threshold are read in place, in row (index) order, rather than copied per
        // threshold: a sweep's values share one graph, and the votes are summed in the same order as before.
        var unit = options.Weight == EdgeWeight.Unit;
        var selfLoops = options.SelfLoops && unit;
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

            var ns = graph.Neighbours(node);
            var ds = graph.Distances(node);
            for (var e = 0; e < ns.Length; e++)
            {
                if (!(ds[e] < threshold))
                {
                    continue;
                }

                var label = labels[ns[e]];
                if (seenAt[label] != stamp)
                {
                    seenAt[label] = stamp;
                    touched[touchedCount++] = label;
                }

                votes[label] += unit ? 1.0 : 1.0 - ds[e];
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

        // Why a pick may be skipped, and why the loop may stop early, with exactly the labels of all
        // Iterations * n picks: Best(node) is a function of the labels of node's neighbours (below the
        // threshold) and of node's own label, nothing else. Invariant: a node that is not dirty would keep
        // its label if picked now. It holds at the start (every node dirty), a node is made clean only
        // right after Best returned its own label, and every label change makes the changed node and all
        // its neighbours dirty again (the only nodes whose Best can depend on that label). So a clean pick
        // would change nothing and is skipped, its random draw still made, so the picks that follow are the
        // same; and once no node is dirty, no pick can ever change a label again: the labels are final.
        var dirty = new bool[n];
        Array.Fill(dirty, true);
        var dirtyCount = n;
        var rng = new Random(seed);
        for (var round = 0; round < options.Iterations && dirtyCount > 0; round++)
        {
            for (var step = 0; step < n && dirtyCount > 0; step++)
            {
                var node = rng.Next(n);
                if (!dirty[node])
                {
                    continue;
                }

                var best = Best(node);
                if (best == labels[node])
                {
                    dirty[node] = false;
                    dirtyCount--;
                    continue;
                }

                labels[node] = best;
                var ns = graph.Neighbours(node);
                var ds = graph.Distances(node);
                for (var e = 0; e < ns.Length; e++)
                {
                    if (ds[e] < threshold && !dirty[ns[e]])
                    {
                        dirty[ns[e]] = true;
                        dirtyCount++;
                    }
                }
            }
        }

        FirstSeenLabels.Renumber(labels);
        return labels;
    }
}
