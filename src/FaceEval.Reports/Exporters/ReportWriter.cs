using FaceEval.Reports.Document;

namespace FaceEval.Reports.Exporters;

/// <summary>Runs every exporter over one document into one directory.</summary>
public static class ReportWriter
{
    public static IReadOnlyList<IReportExporter> DefaultExporters { get; } = [new JsonReportExporter(), new CsvReportExporter(), new HtmlReportExporter()];

    public static IReadOnlyList<string> Write(ReportDocument document, string directory, IEnumerable<IReportExporter>? exporters = null)
    {
        Directory.CreateDirectory(directory);
        return (exporters ?? DefaultExporters).SelectMany(e => e.Export(document, directory)).ToArray();
    }
}
