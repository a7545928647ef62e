using FaceEval.Core.Configuration;
using FaceEval.Core.Errors;
using FaceEval.Core.Reporting;
using FaceEval.Core.Sweeps;
using FaceEval.Reports.Building;
using FaceEval.Reports.Crops;
using FaceEval.Reports.Document;
using FaceEval.Reports.Exporters;

namespace FaceEval.Reports.Jobs;

/// <summary>`faceeval report`: the setting replayed and analysed by Core, laid out as index.html, report.json and the CSV tables.</summary>
public static class ReportJob
{
    public static (ReportDocument Document, IReadOnlyList<string> Files) Execute(ReportRequest request, EvalConfig config)
    {
        var (sweep, setting) = Prepare(request, config);
        return Execute(request, sweep, setting);
    }

    /// <summary>Everything decided before any clustering: the sweep read, the setting resolved, --max-crops checked against the snapshot.</summary>
    public static (SweepResult? Sweep, ReportSetting Setting) Prepare(ReportRequest request, EvalConfig config)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sweep = request.SweepFile is { } file ? SweepFile.Read(file) : null;
        var setting = ReportSetting.Resolve(request, sweep, config);
        if (request.Given?.MaxCrops == true && CropExtractor.WhyNone(setting.Snapshot) is { } why)
        {
            throw new FaceEvalException(ErrorKind.Usage, $"--max-crops has no effect: no face crop can be shown ({why})");
        }

        return (sweep, setting);
    }

    /// <param name="notice">Receives how the neighbour graph was had (loaded, built), for stderr.</param>
    public static (ReportDocument Document, IReadOnlyList<string> Files) Execute(ReportRequest request, SweepResult? sweep, ReportSetting setting, Action<string>? notice = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var document = ClusteringReportBuilder.Build(ClusteringReport.Compute(request, sweep, setting, notice), request.MaxCrops);
        return (document, ReportWriter.Write(document, request.OutDirectory));
    }
}
