namespace FaceEval.Core.Snapshots;

/// <summary>A summary of a snapshot for <c>faceeval snapshot info</c>: what it holds and how big it is.</summary>
/// <param name="FacesPerPerson">Minimum, median and maximum faces per labelled person (all 0 when nobody is labelled).</param>
/// <param name="SingleFacePeople">People with exactly one face (they can never be recognised against another photo of themselves).</param>
/// <param name="TopPeople">The people with the most faces, most first (ties by name).</param>
/// <param name="RelationTypes">Relation type and how many relations have it, most first.</param>
/// <param name="Models">Each model with its dimension and file size in bytes.</param>
/// <param name="TotalBytes">All files of the snapshot, manifest included.</param>
public sealed record SnapshotInfo(
    SnapshotManifest Manifest,
    string Directory,
    (int Min, double Median, int Max) FacesPerPerson,
    int SingleFacePeople,
    IReadOnlyList<(string Person, int Faces)> TopPeople,
    IReadOnlyList<(string Type, int Count)> RelationTypes,
    IReadOnlyList<(SnapshotModel Model, long Bytes)> Models,
    long TotalBytes,
    int FileCount)
{
    /// <summary>Loads (and so verifies) the snapshot and summarises it.</summary>
    public static SnapshotInfo Read(string directory, int topPeople = 10) => Of(Snapshot.Load(directory), topPeople);

    public static SnapshotInfo Of(Snapshot snapshot, int topPeople = 10)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var perPerson = new int[snapshot.People.Count];
        foreach (var p in snapshot.GroundTruth())
        {
            if (p >= 0)
            {
                perPerson[p]++;
            }
        }

        var sorted = perPerson.Order().ToArray();
        var median = sorted.Length == 0 ? 0
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2.0;
        var top = perPerson.Select((count, i) => (Person: snapshot.People[i], Faces: count))
            .OrderByDescending(p => p.Faces).ThenBy(p => p.Person, StringComparer.Ordinal).Take(topPeople).ToArray();
        var types = snapshot.Relations.GroupBy(r => r.Type, StringComparer.Ordinal)
            .Select(g => (Type: g.Key, Count: g.Count())).OrderByDescending(g => g.Count).ThenBy(g => g.Type, StringComparer.Ordinal).ToArray();
        var models = snapshot.Manifest.Models.Select(m => (m, new FileInfo(Path.Combine(snapshot.Directory, m.File)).Length)).ToArray();
        var files = System.IO.Directory.EnumerateFiles(snapshot.Directory, "*", SearchOption.AllDirectories).Select(f => new FileInfo(f).Length).ToArray();

        return new SnapshotInfo(snapshot.Manifest, snapshot.Directory,
            (sorted.Length == 0 ? 0 : sorted[0], median, sorted.Length == 0 ? 0 : sorted[^1]),
            perPerson.Count(c => c == 1), top, types, models, files.Sum(), files.Length);
    }
}
