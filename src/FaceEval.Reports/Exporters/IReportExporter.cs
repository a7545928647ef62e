using FaceEval.Reports.Document;

namespace FaceEval.Reports.Exporters;

/// <summary>
/// Renders a <see cref="ReportDocument"/> into files in a directory (like BenchmarkDotNet's exporters over
/// one summary). Every exporter writes each file atomically and returns the paths it wrote.
/// </summary>
public interface IReportExporter
{
    string Name { get; }

    IReadOnlyList<string> Export(ReportDocument document, string directory);
}
