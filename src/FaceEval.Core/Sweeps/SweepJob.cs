using FaceEval.Core.Algorithms;
using FaceEval.Core.Configuration;
using FaceEval.Core.Evaluation;
using FaceEval.Core.Metrics;
using FaceEval.Core.Snapshots;

namespace FaceEval.Core.Sweeps;

/// <summary>`faceeval sweep`: load once, run every setting, write sweep.csv and sweep.json.</summary>
public static class SweepJob
{
    public static SweepResult Execute(RunOptions options, IReadOnlyList<SweepAxis> axes, MetricKey objective, IReadOnlyList<MetricConstraint> constraints,
        EvalConfig config, string outDirectory, IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        var algorithm = AlgorithmCatalog.Get(options.Algorithm);
        var baseline = RunJob.Parameters(algorithm, config, options.Overrides);
        var request = new SweepRequest(algorithm, baseline, axes, objective, constraints, options.Seed);
        var snapshot = Snapshot.Load(options.SnapshotDirectory);
        var data = EvaluationData.Load(snapshot, options.Model, options.RelationTypes);
        var result = SweepRunner.Run(data, request, progress, cancellation);
        SweepWriter.Write(result, outDirectory);
        return result;
    }
}
