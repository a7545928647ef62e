using FaceEval.Core.Graphs;

namespace FaceEval.Core.Algorithms;

/// <summary>
/// Gated assignment with leftover clustering and a simulated user who names clusters (see
/// <see cref="GatedOptions"/> for every parameter's meaning and source). The leftover-clustering graph
/// is built once per clusterDistance and shared by every setting of a sweep.
/// </summary>
public sealed class GatedAlgorithm : IClusteringAlgorithm
{
    public IReadOnlyList<ParameterSpec> Parameters => GatedOptions.Parameters;

    public int[] Cluster(ClusteringContext context, ParameterSet parameters, int seed)
    {
        var options = GatedOptions.From(parameters);
        var graph = context.Cache($"graph/{options.ClusterDistance:R}", () => FaceGraph.FromDistances(context.Distances, (float)options.ClusterDistance));
        var inputs = new GatedInputs(context.Embeddings, context.Distances, context.ArrivalOrder, context.PhotoIndex, context.Truth, ClusterGraph: graph);
        return GatedPipeline.Run(inputs, options, seed).Labels;
    }
}
