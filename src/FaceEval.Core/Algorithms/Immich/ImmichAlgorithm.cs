namespace FaceEval.Core.Algorithms;

/// <summary>Immich's facial recognition job (see <see cref="ImmichRecognition"/> for the server version followed), one run or a schedule of runs.</summary>
public sealed class ImmichAlgorithm : IClusteringAlgorithm
{
    public IReadOnlyList<ParameterSpec> Parameters => ImmichSchedule.Parameters;

    public int[] Cluster(ClusteringContext context, ParameterSet parameters, int seed) =>
        ImmichRecognition.Run(context.Distances, context.ArrivalOrder, ImmichSchedule.From(parameters)).Labels;

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
}
