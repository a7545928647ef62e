using FaceEval.Core.Reporting;
using FaceEval.Reports.Building;
using FaceEval.Reports.Exporters;
using FaceEval.Reports.Model;

namespace FaceEval.Reports.Jobs;

/// <summary>`faceeval compare`: verification, separation and re-tuned clustering per model, computed by Core, laid out side by side.</summary>
public static class CompareJob
{
    public static (ReportDocument Document, IReadOnlyList<string> Files) Execute(CompareRequest request, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var document = ComparisonReportBuilder.Build(ComparisonReport.Compute(request, progress), request.MaxCrops);
        return (document, ReportWriter.Write(document, request.OutDirectory));
    }
}
