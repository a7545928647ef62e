using FaceEval.Core.Algorithms;
using FaceEval.Core.Configuration;
using FaceEval.Core.Errors;
using FaceEval.Core.Evaluation;
using FaceEval.Core.Metrics;
using FaceEval.Core.Snapshots;

namespace FaceEval.Core.Sweeps;

/// <summary>`faceeval sweep`: load once, run every setting, write sweep.csv and sweep.json.</summary>
public static class SweepJob
{
    /// <param name="notice">Receives lines for stderr: the neighbour structure used, how its graph was had, warnings ("warning: ...").</param>
    public static SweepResult Execute(RunOptions options, IReadOnlyList<SweepAxis> axes, MetricKey objective, IReadOnlyList<MetricConstraint> constraints,
        EvalConfig config, string outDirectory, IProgress<double>? progress = null, CancellationToken cancellation = default, Action<string>? notice = null)
    {
        var algorithm = AlgorithmCatalog.Get(options.Algorithm);
        var baseline = RunJob.Parameters(algorithm, config, options.Overrides);
        foreach (var (key, _) in options.Overrides)
        {
            // Every setting of the sweep replaces the swept parameter, so a --set of it would never be used.
            var name = baseline.Spec(key).Name;
            if (axes.Any(a => baseline.Spec(a.Parameter).Name == name))
            {
                throw new FaceEvalException(ErrorKind.Usage, $"--set {key} and --param {name} both give {name}; drop one (the sweep sets it for every row)");
            }
        }

        var request = new SweepRequest(algorithm, baseline, axes, objective, constraints, options.Seed);
        var snapshot = Snapshot.Load(options.SnapshotDirectory);
        var neighbors = NeighborPlan.Resolve(options.Neighbors, algorithm, request.Settings(), snapshot.Faces.Count);
        notice?.Invoke(NeighborPlan.Describe(neighbors, options.Neighbors, snapshot.Faces.Count));
        var data = EvaluationData.Load(snapshot, options.Model, options.RelationTypes, neighbors: neighbors, notice: notice);
        var result = SweepRunner.Run(data, request, progress, cancellation) with { Seed = options.Seed, RelationTypes = options.RelationTypes.ToString(), Neighbors = neighbors };
        foreach (var warning in data.Context.Warnings)
        {
            notice?.Invoke("warning: " + warning);
        }

        SweepWriter.Write(result, outDirectory);
        return result;
    }
}
