using FaceEval.Core.Analysis;
using FaceEval.Core.Metrics;

namespace FaceEval.Core.Reporting;

/// <summary>The analyses behind a clustering report, as written to report.json under "data".</summary>
public sealed record ClusteringReportData(
    string Snapshot,
    string Model,
    string Algorithm,
    IReadOnlyDictionary<string, string> Parameters,
    MetricReport Metrics,
    IReadOnlyList<string> People,
    DistanceCliff Cliff,
    CohesionAnalysis TruthCohesion,
    CohesionAnalysis PredictedCohesion,
    IReadOnlyList<LookalikePairStats> Lookalikes);
