using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using FaceEval.Core.Errors;
using FaceEval.Core.Metrics;
using FaceEval.Core.Snapshots;

namespace FaceEval.Core.Evaluation;

/// <summary>`faceeval score`: score a labelling made elsewhere (face_id plus integer label columns) against a snapshot.</summary>
public static class ScoreJob
{
    /// <summary>
    /// Every face of the snapshot must have a label in <paramref name="column"/> (-1 = unassigned); face
    /// ids the snapshot does not know are an error, so a labelling of another snapshot is not scored by accident.
    /// </summary>
    public static MetricReport Execute(string snapshotDirectory, string predictedCsv, string column, string? relationsCsv, RelationTypeFilter relationTypes)
    {
        var snapshot = Snapshot.Load(snapshotDirectory);
        var predicted = ReadLabels(snapshot, predictedCsv, column);
        var relations = relationsCsv is null ? snapshot.Relations : ReadRelations(relationsCsv);
        var lookalikes = Lookalikes.Of(snapshot, relations, relationTypes);
        return ClusteringScorer.Score(snapshot.GroundTruth(), predicted, lookalikes);
    }

    private static int[] ReadLabels(Snapshot snapshot, string path, string column)
    {
        var index = new Dictionary<string, int>(snapshot.Faces.Count, StringComparer.Ordinal);
        foreach (var face in snapshot.Faces)
        {
            index[face.Id] = face.Index;
        }

        var labels = new int[snapshot.Faces.Count];
        var seen = new bool[labels.Length];
        using var reader = OpenCsv(path);
        reader.Read();
        reader.ReadHeader();
        var header = reader.HeaderRecord ?? [];
        if (!header.Contains("face_id") || !header.Contains(column))
        {
            throw new FaceEvalException(ErrorKind.InvalidData,
                $"{path} needs columns face_id and {column}; it has: {string.Join(", ", header)}");
        }

        while (reader.Read())
        {
            var id = reader.GetField("face_id") ?? "";
            var text = reader.GetField(column) ?? "";
            if (!index.TryGetValue(id, out var face))
            {
                throw new FaceEvalException(ErrorKind.InvalidData, $"{path} line {reader.Parser.Row}: face_id '{id}' is not in snapshot {snapshot.Id}");
            }

            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var label) || label < -1)
            {
                throw new FaceEvalException(ErrorKind.InvalidData, $"{path} line {reader.Parser.Row}: {column} '{text}' is not an integer label >= -1");
            }

            if (seen[face])
            {
                throw new FaceEvalException(ErrorKind.InvalidData, $"{path} line {reader.Parser.Row}: face_id '{id}' appears twice");
            }

            seen[face] = true;
            labels[face] = label;
        }

        var missing = Array.IndexOf(seen, false);
        if (missing >= 0)
        {
            throw new FaceEvalException(ErrorKind.InvalidData,
                $"{path} has no label for {seen.Count(s => !s)} faces of the snapshot (first: face_id '{snapshot.Faces[missing].Id}')");
        }

        return labels;
    }

    private static IReadOnlyList<Relation> ReadRelations(string path)
    {
        using var reader = OpenCsv(path);
        reader.Read();
        reader.ReadHeader();
        var header = reader.HeaderRecord ?? [];
        if (!header.Contains("person_a") || !header.Contains("person_b") || !header.Contains("relation"))
        {
            throw new FaceEvalException(ErrorKind.InvalidData, $"{path} needs columns person_a, person_b, relation");
        }

        var relations = new List<Relation>();
        while (reader.Read())
        {
            relations.Add(new Relation(reader.GetField("person_a")!, reader.GetField("person_b")!, reader.GetField("relation")!));
        }

        return relations;
    }

    private static CsvReader OpenCsv(string path)
    {
        if (!File.Exists(path))
        {
            throw new FaceEvalException(ErrorKind.FileNotFound, $"file not found: {path}");
        }

        return new CsvReader(new StreamReader(path), new CsvConfiguration(CultureInfo.InvariantCulture) { DetectColumnCountChanges = true });
    }
}
