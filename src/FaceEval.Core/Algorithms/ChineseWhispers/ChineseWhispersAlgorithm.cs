using FaceEval.Core.Graphs;

namespace FaceEval.Core.Algorithms;

/// <summary>Chinese Whispers as dlib's chinese_whispers, on an edge graph of faces closer than the threshold.</summary>
public sealed class ChineseWhispersAlgorithm : IClusteringAlgorithm
{
    public IReadOnlyList<ParameterSpec> Parameters => ChineseWhispersOptions.Parameters;

    public int[] Cluster(ClusteringContext context, ParameterSet parameters, int seed)
    {
        var options = ChineseWhispersOptions.From(parameters);
        var graph = context.Cache($"graph/{options.Threshold:R}", () => FaceGraph.FromDistances(context.Distances, (float)options.Threshold));
        return ChineseWhispers.Cluster(graph, options, seed);
    }

    public IReadOnlyDictionary<string, string> InertParameters(ParameterSet parameters) =>
        parameters.Choice<EdgeWeight>("edgeWeight") == EdgeWeight.Unit
            ? new Dictionary<string, string>()
            : new Dictionary<string, string> { ["selfLoops"] = "self-loops are votes of weight 1, which exist only with edgeWeight=unit" };
}
