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
}
