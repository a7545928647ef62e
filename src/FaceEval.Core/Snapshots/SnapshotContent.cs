namespace FaceEval.Core.Snapshots;

/// <summary>
/// Everything <see cref="SnapshotWriter"/> needs to freeze a new snapshot. <see cref="FaceColumns"/>
/// must contain <c>face_id</c>, <c>person</c> and <c>photo</c>; each row of <see cref="FaceRows"/> has one
/// value per column (empty <c>person</c> = unlabelled face). Faces keep their order; embedding row i
/// belongs to face row i.
/// </summary>
/// <param name="Source">Free text recorded in the manifest: where this content came from.</param>
public sealed record SnapshotContent(
    IReadOnlyList<string> FaceColumns,
    IReadOnlyList<IReadOnlyList<string>> FaceRows,
    IReadOnlyList<SnapshotEmbedding> Embeddings,
    IReadOnlyList<Relation> Relations,
    string Source)
{
    /// <summary>Id of the snapshot this content was derived from (a label edit, an added model ...).</summary>
    public string? Parent { get; init; }

    /// <summary>How many label edits turned the parent into this content, when that is what happened.</summary>
    public int? Edits { get; init; }

    /// <summary>Directory the faces' <c>file</c> column resolves against; recorded, never copied.</summary>
    public string? ImagesRoot { get; init; }

    /// <summary>A directory whose files are copied into the snapshot's <c>crops/</c> (and hashed).</summary>
    public string? CropsDirectory { get; init; }
}
