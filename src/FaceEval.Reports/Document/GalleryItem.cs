namespace FaceEval.Reports.Document;

/// <summary>One face of a gallery: its row index in the snapshot and what to say about it.</summary>
public sealed record GalleryItem(int Face, string Caption);
