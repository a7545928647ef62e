using FaceEval.Core.Embeddings;
using FaceEval.Core.Errors;

namespace FaceEval.Core.Snapshots;

/// <summary>
/// The rules every snapshot obeys, whoever builds it: unique non-empty face ids and photos, rows as
/// wide as the header, parseable <c>taken_at</c>, safe and distinct model names, one finite non-zero
/// embedding row per face, relations between known people.
/// </summary>
internal static class SnapshotContentValidator
{
    public static ValidatedContent Validate(SnapshotContent content, int[] orderedColumns)
    {
        var columns = content.FaceColumns;
        if (columns.Distinct(StringComparer.Ordinal).Count() != columns.Count)
        {
            throw new FaceEvalException(ErrorKind.InvalidData, "face columns are not distinct");
        }

        var (idColumn, personColumn, photoColumn) = (orderedColumns[0], orderedColumns[1], orderedColumns[2]);
        var takenAtColumn = columns.ToList().IndexOf(SnapshotLayout.TakenAtColumn);
        if (content.FaceRows.Count == 0)
        {
            throw new FaceEvalException(ErrorKind.InvalidData, "no faces: a snapshot needs at least one face");
        }

        var ids = new Dictionary<string, int>(content.FaceRows.Count, StringComparer.Ordinal);
        var people = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var photos = new HashSet<string>(StringComparer.Ordinal);
        var labelled = 0;
        for (var i = 0; i < content.FaceRows.Count; i++)
        {
            var row = content.FaceRows[i];
            if (row.Count != columns.Count)
            {
                throw new FaceEvalException(ErrorKind.InvalidData, $"face row {i} has {row.Count} values for {columns.Count} columns");
            }

            var id = row[idColumn];
            if (id.Length == 0 || id.Trim().Length != id.Length)
            {
                throw new FaceEvalException(ErrorKind.InvalidData, $"face row {i} has an empty face id or one with surrounding spaces ('{id}')");
            }

            if (!ids.TryAdd(id, i))
            {
                throw new FaceEvalException(ErrorKind.InvalidData, $"duplicate face id '{id}' (face rows {ids[id]} and {i})");
            }

            if (row[photoColumn].Length == 0)
            {
                throw new FaceEvalException(ErrorKind.InvalidData, $"face '{id}' has an empty photo");
            }

            photos.Add(row[photoColumn]);
            var person = row[personColumn].Trim();
            if (person.Length > 0)
            {
                labelled++;
                people[person] = people.GetValueOrDefault(person) + 1;
            }

            if (takenAtColumn >= 0 && row[takenAtColumn].Length > 0 && Snapshot.ParseTakenAt(row[takenAtColumn]) is null)
            {
                throw new FaceEvalException(ErrorKind.InvalidData, $"face '{id}' has taken_at '{row[takenAtColumn]}', which is not a date and time");
            }
        }

        ValidateEmbeddings(content, idColumn);
        foreach (var r in content.Relations)
        {
            foreach (var p in new[] { r.PersonA, r.PersonB })
            {
                if (!people.ContainsKey(p))
                {
                    throw new FaceEvalException(ErrorKind.InvalidData, $"relation {r.PersonA},{r.PersonB},{r.Type} names '{p}', who has no face");
                }
            }
        }

        return new ValidatedContent(personColumn, people.ToArray(), labelled, photos.Count);
    }

    private static void ValidateEmbeddings(SnapshotContent content, int idColumn)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var faces = content.FaceRows.Count;
        foreach (var e in content.Embeddings)
        {
            SnapshotLayout.CheckModelName(e.Name);
            if (!names.Add(e.Name))
            {
                throw new FaceEvalException(ErrorKind.InvalidData, $"model '{e.Name}' is given twice (names are compared ignoring case)");
            }

            if (e.Dimension <= 0 || e.Values.LongLength != (long)faces * e.Dimension)
            {
                throw new FaceEvalException(ErrorKind.DimensionMismatch,
                    $"model '{e.Name}': {e.Values.LongLength} values are not {faces} faces x dimension {e.Dimension}");
            }

            for (var i = 0; i < faces; i++)
            {
                // The check EmbeddingMatrix makes, so whatever is written can be loaded.
                if (EmbeddingMatrix.RowProblem(e.Values.AsSpan(i * e.Dimension, e.Dimension), out _) is { } problem)
                {
                    throw new FaceEvalException(ErrorKind.InvalidData,
                        $"model '{e.Name}': embedding of face '{content.FaceRows[i][idColumn]}' (row {i}) {problem}");
                }
            }
        }
    }
}
