using FaceEval.Core.Snapshots;

namespace FaceEval.Inference.Layouts;

/// <summary>The images of a folder (sorted by file, ordinal) and the relations its layout declares.</summary>
public sealed record LayoutScan(IReadOnlyList<PhotoEntry> Entries, IReadOnlyList<Relation> Relations, IReadOnlyList<string> Warnings);
