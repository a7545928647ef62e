using FaceEval.Core.IO;
using FaceEval.Reports.Formatting;
using FaceEval.Reports.Model;

namespace FaceEval.Reports.Exporters;

/// <summary>report.json: the data behind the page (analyses, tables, chart specs, crops).</summary>
public sealed class JsonReportExporter : IReportExporter
{
    public const string FileName = "report.json";

    public string Name => "json";

    public IReadOnlyList<string> Export(ReportDocument document, string directory)
    {
        var path = Path.Combine(directory, FileName);
        AtomicFile.WriteAllText(path, ReportJson.Serialize(document));
        return [path];
    }
}
