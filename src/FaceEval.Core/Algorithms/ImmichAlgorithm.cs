using FaceEval.Core.Pipelines;

namespace FaceEval.Core.Algorithms;

/// <summary>Immich's facial recognition job (see <see cref="ImmichRecognition"/> for the server version followed), one run or a schedule of runs.</summary>
public sealed class ImmichAlgorithm : IClusteringAlgorithm
{
    public AlgorithmKind Kind => AlgorithmKind.Immich;

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

    public IReadOnlyDictionary<string, string> InertParameters(ParameterSet parameters)
    {
        var inert = new Dictionary<string, string>();
        var text = parameters.Text("schedule");
        if (string.IsNullOrWhiteSpace(text))
        {
            return inert;
        }

        // maxDistance and minFaces are only the defaults of steps that do not set their own: read the
        // schedule with two different defaults and see whether any step took them.
        var a = ImmichSchedule.Parse(text, 0.25, 2).Runs;
        var b = ImmichSchedule.Parse(text, 0.75, 7).Runs;
        if (a.Zip(b).All(p => p.First.MaxDistance == p.Second.MaxDistance))
        {
            inert["maxDistance"] = "every step of the schedule sets its own maxDistance";
        }

        if (a.Zip(b).All(p => p.First.MinFaces == p.Second.MinFaces))
        {
            inert["minFaces"] = "every step of the schedule sets its own minFaces";
        }

        return inert;
    }

    private static ImmichSchedule Schedule(string text, double maxDistance, int minFaces) =>
        string.IsNullOrWhiteSpace(text)
            ? ImmichSchedule.Single(ImmichMode.Reset, maxDistance, minFaces)
            : ImmichSchedule.Parse(text, maxDistance, minFaces);
}
