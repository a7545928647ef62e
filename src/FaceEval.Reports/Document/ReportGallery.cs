namespace FaceEval.Reports.Document;

/// <summary>A row of face crops with a caption each (e.g. the worst wrong merges).</summary>
public sealed record ReportGallery(string Id, string Title, IReadOnlyList<GalleryItem> Items);
