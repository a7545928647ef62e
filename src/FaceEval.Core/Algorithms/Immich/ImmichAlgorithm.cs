namespace FaceEval.Core.Algorithms;

/// <summary>Immich's facial recognition job (see <see cref="ImmichRecognition"/> for the server version followed), one run or a schedule of runs.</summary>
public sealed class ImmichAlgorithm : IClusteringAlgorithm
{
    public IReadOnlyList<ParameterSpec> Parameters => ImmichSchedule.Parameters;

    public int[] Cluster(ClusteringContext context, ParameterSet parameters, int seed) =>
        ImmichRecognition.Run(context.Distances, context.ArrivalOrder, ImmichSchedule.From(parameters)).Labels;
}
