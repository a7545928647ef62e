using System.Globalization;
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
        var truth = snapshot.GroundTruth();
        ScoredFaces.Require(snapshot, truth);
        var predicted = ReadLabels(snapshot, predictedCsv, column);
        var relations = relationsCsv is null ? snapshot.Relations : ReadRelations(relationsCsv);
        return ClusteringScorer.Score(truth, predicted, Lookalikes.Of(snapshot, relations, relationTypes));
    }

    private static int[] ReadLabels(Snapshot snapshot, string path, string column)
    {
        var table = CsvTable.Read(path, [SnapshotLayout.FaceIdColumn, column]);
        var (idColumn, labelColumn) = (table.ColumnIndex(SnapshotLayout.FaceIdColumn), table.ColumnIndex(column));
        var labels = new int[snapshot.Faces.Count];
        var seen = new bool[labels.Length];
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var (row, line) = (table.Rows[r], table.Lines[r]);
            var face = snapshot.IndexOf(row[idColumn]);
            if (face < 0)
            {
                throw new FaceEvalException(ErrorKind.InvalidData, $"{path} line {line}: face_id '{row[idColumn]}' is not in snapshot {snapshot.Id}");
            }

            if (!int.TryParse(row[labelColumn], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var label) || label < -1)
            {
                throw new FaceEvalException(ErrorKind.InvalidData, $"{path} line {line}: {column} '{row[labelColumn]}' is not an integer label >= -1");
            }

            if (seen[face])
            {
                throw new FaceEvalException(ErrorKind.InvalidData, $"{path} line {line}: face_id '{row[idColumn]}' appears twice");
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

    private static List<Relation> ReadRelations(string path)
    {
        var table = CsvTable.Read(path, SnapshotLayout.RelationColumns);
        var (a, b, t) = (table.ColumnIndex(SnapshotLayout.PersonAColumn), table.ColumnIndex(SnapshotLayout.PersonBColumn), table.ColumnIndex(SnapshotLayout.RelationColumn));
        return table.Rows.Select(row => new Relation(row[a].Trim(), row[b].Trim(), row[t].Trim())).ToList();
    }
}
