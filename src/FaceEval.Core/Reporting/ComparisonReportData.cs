namespace FaceEval.Core.Reporting;

/// <summary>The JSON summary of a model comparison (report.json "data").</summary>
/// <param name="SiblingSeparationRatio">Per model after the first: median over look-alike pairs of its separation divided by the first model's.</param>
public sealed record ComparisonReportData(
    string Snapshot,
    IReadOnlyList<string> Models,
    IReadOnlyList<string> People,
    string TuningAlgorithm,
    string TuningParameter,
    IReadOnlyList<ModelSummary> Results,
    IReadOnlyDictionary<string, double?> SiblingSeparationRatio);
