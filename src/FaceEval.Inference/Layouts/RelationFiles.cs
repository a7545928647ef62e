using FaceEval.Core.Snapshots;

namespace FaceEval.Inference.Layouts;

/// <summary>Relations CSVs: person_a, person_b, relation (other columns ignored).</summary>
internal static class RelationFiles
{
    public static IEnumerable<Relation> Read(string path) =>
        CsvRows.Read(path, SnapshotLayout.RelationColumns)
            .Where(r => r[SnapshotLayout.PersonAColumn].Length > 0 && r[SnapshotLayout.PersonBColumn].Length > 0 && r[SnapshotLayout.RelationColumn].Length > 0)
            .Select(r => new Relation(r[SnapshotLayout.PersonAColumn], r[SnapshotLayout.PersonBColumn], r[SnapshotLayout.RelationColumn]));
}
