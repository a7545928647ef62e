namespace FaceEval.Core.Algorithms;

/// <summary>Immich's facial recognition job (see <see cref="ImmichRecognition"/> for the server version followed), one run or a schedule of runs.</summary>
public sealed class ImmichAlgorithm : IClusteringAlgorithm
{
    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        ParameterSpec.Real("maxDistance", ImmichRun.DefaultMaxDistance, 0.000001, 2, "a face matches another when their cosine distance is <= maxDistance"),
        ParameterSpec.Integer("minFaces", ImmichRun.DefaultMinFaces, 1, 1000, "matches within maxDistance, the face itself included, that make a face core"),
        ParameterSpec.Text("schedule", "", "runs in order, e.g. \"reset:minFaces=20, missing:minFaces=10, missing:minFaces=3\"; a step is reset|missing[:minFaces=N][:maxDistance=X]; empty = one reset run",
            text => { _ = Schedule(text, ImmichRun.DefaultMaxDistance, ImmichRun.DefaultMinFaces); return null; }),
    ];

    public int[] Cluster(ClusteringContext context, ParameterSet parameters, int seed) =>
        ImmichRecognition.Run(context.Distances, context.ArrivalOrder,
            Schedule(parameters.Text("schedule"), parameters.Real("maxDistance"), parameters.Integer("minFaces"))).Labels;

    private static ImmichSchedule Schedule(string text, double maxDistance, int minFaces) =>
        string.IsNullOrWhiteSpace(text)
            ? ImmichSchedule.Single(ImmichMode.Reset, maxDistance, minFaces)
            : ImmichSchedule.Parse(text, maxDistance, minFaces);
}
