namespace FaceEval.Reports.Model;

/// <summary>
/// Everything one report shows, laid out from Core's report data (<see cref="Core.Reporting.ClusteringReport"/>,
/// <see cref="Core.Reporting.ComparisonReport"/>): every exporter (<see cref="Exporters.IReportExporter"/>)
/// renders this one document, so the HTML, the JSON and the CSV can never disagree.
/// </summary>
/// <param name="Kind">"report" or "compare".</param>
/// <param name="Facts">Name/value lines shown at the top (snapshot, model, algorithm ...).</param>
/// <param name="Data">The analysis results as plain records, written to report.json as they are.</param>
public sealed record ReportDocument(
    string Kind,
    string Title,
    IReadOnlyList<ReportFact> Facts,
    IReadOnlyList<ReportSection> Sections,
    CropSet Crops,
    object Data);
