using FaceEval.Core.Configuration;
using FaceEval.Core.Reporting;
using FaceEval.Reports.Building;
using FaceEval.Reports.Exporters;
using FaceEval.Reports.Model;

namespace FaceEval.Reports.Jobs;

/// <summary>`faceeval report`: the setting replayed and analysed by Core, laid out as index.html, report.json and the CSV tables.</summary>
public static class ReportJob
{
    public static (ReportDocument Document, IReadOnlyList<string> Files) Execute(ReportRequest request, EvalConfig config)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sweep = request.SweepFile is { } file ? SweepFile.Read(file) : null;
        var document = ClusteringReportBuilder.Build(ClusteringReport.Compute(request, sweep, config), request.MaxCrops);
        return (document, ReportWriter.Write(document, request.OutDirectory));
    }
}
