namespace FaceEval.Reports.Document;

/// <summary>A titled part of a report: explanatory notes, then tables, charts and face galleries.</summary>
/// <param name="Id">Unique in the report; letters, digits and '-' (used in element ids and file names).</param>
public sealed record ReportSection(
    string Id,
    string Title,
    IReadOnlyList<string> Notes,
    IReadOnlyList<ReportTable> Tables,
    IReadOnlyList<ReportChart> Charts,
    IReadOnlyList<ReportGallery> Galleries);
