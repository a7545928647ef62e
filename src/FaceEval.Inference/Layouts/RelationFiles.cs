using FaceEval.Core.Snapshots;

namespace FaceEval.Inference.Layouts;

/// <summary>Relations CSVs: person_a, person_b, relation (other columns ignored).</summary>
internal static class RelationFiles
{
    public static IEnumerable<Relation> Read(string path) =>
        CsvRows.Read(path, "person_a", "person_b", "relation")
            .Where(r => r["person_a"].Length > 0 && r["person_b"].Length > 0 && r["relation"].Length > 0)
            .Select(r => new Relation(r["person_a"], r["person_b"], r["relation"]));
}
