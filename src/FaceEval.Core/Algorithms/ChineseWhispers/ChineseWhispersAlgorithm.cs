using System.Globalization;
using FaceEval.Core.Graphs;

namespace FaceEval.Core.Algorithms;

/// <summary>
/// Chinese Whispers as dlib's chinese_whispers, on an edge graph of faces closer than the threshold: all
/// such pairs on the full matrix, the k-nearest-neighbour pairs among them on a graph.
/// </summary>
public sealed class ChineseWhispersAlgorithm : IClusteringAlgorithm, IGraphForm
{
    public IReadOnlyList<ParameterSpec> Parameters => ChineseWhispersOptions.Parameters;

    public int[] Cluster(ClusteringContext context, ParameterSet parameters, int seed)
    {
        var options = ChineseWhispersOptions.From(parameters);
        if (!context.Neighbors.IsGraph)
        {
            var graph = context.Cache($"graph/{options.Threshold:R}", () => FaceGraph.FromDistances(context.Distances, (float)options.Threshold));
            return ChineseWhispers.Cluster(graph, options, seed);
        }

        var cut = context.Graph.CutOffCount((float)options.Threshold, inclusive: false);
        if (cut > 0)
        {
            context.Warn("chinese-whispers/cut-off", string.Create(CultureInfo.InvariantCulture,
                $"at threshold={options.Threshold:R}, {cut:N0} of {context.Count:N0} faces ({100.0 * cut / context.Count:0.##}%) have all k={context.Graph.K} graph neighbours below the threshold: pairs beyond them are not edges (dlib's graph has every pair), so labels may differ from the full form (a larger --k lowers this)"),
                cut);
        }

        // One edge list for every threshold of a sweep: Cluster keeps the edges below its own threshold, in
        // list order, so the labels are those of the graph cut at that threshold.
        var knn = context.Cache("knn-graph", () => ChineseWhispers.EdgesBelow(context.Graph, float.PositiveInfinity));
        return ChineseWhispers.Cluster(knn, options, seed);
    }

    public IReadOnlyDictionary<string, string> InertParameters(ParameterSet parameters) =>
        parameters.Choice<EdgeWeight>("edgeWeight") == EdgeWeight.Unit
            ? new Dictionary<string, string>()
            : new Dictionary<string, string> { ["selfLoops"] = "self-loops are votes of weight 1, which exist only with edgeWeight=unit" };

    public (int K, string Why) NeighborsNeeded(ParameterSet parameters) => (1, "chinese-whispers needs at least one neighbour per face");
}
