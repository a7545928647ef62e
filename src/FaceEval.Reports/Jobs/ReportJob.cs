using FaceEval.Core.Algorithms;
using FaceEval.Core.Configuration;
using FaceEval.Core.Errors;
using FaceEval.Core.Evaluation;
using FaceEval.Core.Snapshots;
using FaceEval.Core.Sweeps;
using FaceEval.Reports.Building;
using FaceEval.Reports.Exporters;
using FaceEval.Reports.Model;

namespace FaceEval.Reports.Jobs;

/// <summary>`faceeval report`: replay the setting, analyse it and write index.html, report.json and the CSV tables.</summary>
public static class ReportJob
{
    public static (ReportDocument Document, IReadOnlyList<string> Files) Execute(ReportRequest request, EvalConfig config)
    {
        SweepResult? sweep = null;
        var options = request.Run;
        Snapshot snapshot;
        ParameterSet parameters;
        IClusteringAlgorithm algorithm;
        if (request.SweepFile is { } file)
        {
            sweep = SweepFile.Read(file);
            if (sweep.Best is null)
            {
                throw new FaceEvalException(ErrorKind.InvalidData, $"{file}: no setting satisfied the sweep's constraints, so there is no best row to report on");
            }

            snapshot = FindSnapshot(sweep.SnapshotId, [options.SnapshotDirectory, .. request.SnapshotCandidates], file);
            algorithm = AlgorithmCatalog.Get(AlgorithmNames.Parse(sweep.Algorithm));
            parameters = sweep.Best.Parameters;
            options = options with { Model = sweep.Model };
        }
        else
        {
            snapshot = Snapshot.Load(options.SnapshotDirectory);
            algorithm = AlgorithmCatalog.Get(options.Algorithm);
            parameters = RunJob.Parameters(algorithm, config, options.Overrides);
        }

        var data = EvaluationData.Load(snapshot, options.Model, options.RelationTypes);
        var run = Evaluator.Run(data, algorithm, parameters, options.Seed);
        var document = ClusteringReportBuilder.Build(new ClusteringReportInput(data, run, sweep, request.SweepFile, options.Seed, request.MaxCrops));
        return (document, ReportWriter.Write(document, request.OutDirectory));
    }

    private static Snapshot FindSnapshot(string id, IEnumerable<string> candidates, string sweepFile)
    {
        foreach (var dir in candidates.Distinct())
        {
            if (SnapshotManifest.TryRead(dir)?.Id == id)
            {
                return Snapshot.Load(dir);
            }
        }

        throw new FaceEvalException(ErrorKind.FileNotFound, $"{sweepFile} was run on snapshot {id}, which is not at --snapshot nor under snapshots/; pass --snapshot DIR");
    }
}
