namespace FaceEval.Core.Snapshots;

/// <summary>
/// The contents of a snapshot's <c>manifest.json</c>. <see cref="Files"/> maps every file of the
/// snapshot except the manifest itself (relative path, '/' separated) to its lowercase sha256 hex;
/// <see cref="Id"/> is derived from that map alone, so <see cref="Created"/>, <see cref="Source"/>
/// and the other descriptive fields never change it.
/// </summary>
/// <param name="Parent">Id of the snapshot this one was derived from, or null.</param>
/// <param name="ImagesRoot">Directory the faces' <c>file</c> paths resolve against, or null.</param>
public sealed record SnapshotManifest(
    int FormatVersion,
    string Id,
    DateTimeOffset Created,
    string Source,
    string? Parent,
    IReadOnlyList<SnapshotModel> Models,
    SnapshotCounts Counts,
    string? ImagesRoot,
    IReadOnlyDictionary<string, string> Files)
{
    public const int CurrentFormatVersion = 1;
}
