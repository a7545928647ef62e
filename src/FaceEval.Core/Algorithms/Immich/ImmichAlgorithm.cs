using System.Globalization;

namespace FaceEval.Core.Algorithms;

/// <summary>
/// Immich's facial recognition job (see <see cref="ImmichRecognition"/> for the server version followed),
/// one run or a schedule of runs; on a neighbour graph the replay is still exact (<see cref="ImmichGraphSearch"/>).
/// </summary>
public sealed class ImmichAlgorithm : IClusteringAlgorithm, IGraphForm
{
    public IReadOnlyList<ParameterSpec> Parameters => ImmichSchedule.Parameters;

    public int[] Cluster(ClusteringContext context, ParameterSet parameters, int seed)
    {
        var schedule = ImmichSchedule.From(parameters);
        if (!context.Neighbors.IsGraph)
        {
            return ImmichRecognition.Run(context.Distances, context.ArrivalOrder, schedule).Labels;
        }

        var result = ImmichRecognition.Run(context.Embeddings, context.Graph.Directed, context.ArrivalOrder, schedule);
        var exact = result.Runs.Sum(r => r.ExactSearches);
        if (exact > 0)
        {
            // Not a loss of fidelity (the scans are exact) but their cost: each reads every face with a person.
            var searched = result.Runs.Sum(r => (long)r.Queued + r.Deferred);
            context.Warn("immich/exact-searches", string.Create(CultureInfo.InvariantCulture,
                $"immich {schedule}: {exact:N0} of {searched:N0} searches ({100.0 * exact / searched:0.##}%) found all k={context.Graph.K} graph neighbours within maxDistance and none with a person, so scanned every face with a person exactly (labels are unchanged; a larger --k makes this rarer)"),
                exact);
        }

        return result.Labels;
    }

    public (int K, string Why) NeighborsNeeded(ParameterSet parameters)
    {
        // The core test reads the minFaces - 1 nearest other faces; one more shows whether the faces within
        // maxDistance were cut off (then the nearest face with a person is searched past the graph).
        var minFaces = ImmichSchedule.From(parameters).Runs.Max(r => r.MinFaces);
        return (minFaces, string.Create(CultureInfo.InvariantCulture,
            $"immich minFaces={minFaces} (the core test reads the {minFaces - 1} nearest other faces, and one more shows whether the faces within maxDistance were cut off)"));
    }

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
