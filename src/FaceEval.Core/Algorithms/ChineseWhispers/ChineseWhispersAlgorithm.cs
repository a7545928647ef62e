using FaceEval.Core.Graphs;

namespace FaceEval.Core.Algorithms;

/// <summary>Chinese Whispers as dlib's chinese_whispers, on an edge graph of faces closer than the threshold.</summary>
public sealed class ChineseWhispersAlgorithm : IClusteringAlgorithm
{
    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        ParameterSpec.Real("threshold", 0.5, 0.000001, 2, "two faces are joined by an edge iff their cosine distance is < threshold"),
        ParameterSpec.Integer("iterations", 100, 1, 100_000, "passes; each makes one random label update per face (dlib's default 100)"),
        ParameterSpec.Choice("edgeWeight", EdgeWeight.Unit, "how an edge votes: unit (dlib) or similarity = 1 - distance"),
        ParameterSpec.Boolean("selfLoops", true, "unit weights only: every face also votes for its own label, like dlib's face example"),
    ];

    public int[] Cluster(ClusteringContext context, ParameterSet parameters, int seed)
    {
        var options = new ChineseWhispersOptions(parameters.Real("threshold"), parameters.Integer("iterations"),
            parameters.Choice<EdgeWeight>("edgeWeight"), parameters.Boolean("selfLoops")).Validate();
        var graph = context.Cache($"graph/{options.Threshold:R}", () => FaceGraph.FromDistances(context.Distances, (float)options.Threshold));
        return ChineseWhispers.Cluster(graph, options, seed);
    }
}
