using System.Text.Json.Serialization;

namespace FaceEval.Core.Snapshots;

/// <summary>
/// The contents of a snapshot's <c>manifest.json</c> (<see cref="ManifestJson"/> writes and reads it). <see cref="Files"/> maps every file of the
/// snapshot except the manifest itself (relative path, '/' separated) to its lowercase sha256 hex;
/// <see cref="Id"/> is derived from that map alone, so <see cref="Created"/>, <see cref="Source"/>
/// and the other descriptive fields never change it.
/// </summary>
/// <param name="Parent">Id of the snapshot this one was derived from, or null.</param>
/// <param name="ImagesRoot">Directory the faces' <c>file</c> paths resolve against, or null.</param>
/// <param name="Edits">Label edits applied to the parent to make this snapshot (<c>faceeval label freeze</c>),
/// or null (not written) for snapshots made otherwise.</param>
public sealed record SnapshotManifest(
    int FormatVersion,
    string Id,
    [property: JsonConverter(typeof(UtcTimestampConverter))] DateTimeOffset Created,
    string Source,
    string? Parent,
    IReadOnlyList<SnapshotModel> Models,
    SnapshotCounts Counts,
    string? ImagesRoot,
    IReadOnlyDictionary<string, string> Files,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Edits = null)
{
    public const int CurrentFormatVersion = 1;

    /// <summary>The manifest of a snapshot directory, unverified, or null when there is none or it is unreadable.</summary>
    public static SnapshotManifest? TryRead(string directory) =>
        System.IO.Directory.Exists(directory) ? SnapshotVerifier.ReadManifest(Path.GetFullPath(directory), []) : null;
}
