using System.Globalization;
using FaceEval.Core.Errors;
using FaceEval.Core.IO;
using FaceEval.Core.Numpy;

namespace FaceEval.Core.Snapshots;

/// <summary>
/// Imports what another tool exported (a faces CSV, one .npy per model, optionally relations) into a
/// new frozen snapshot. Every column of the faces CSV is kept; vectors are stored as float32.
/// </summary>
public static class SnapshotImporter
{
    /// <summary>How many names a warning lists before it only counts the rest.</summary>
    private const int NamesInWarning = 10;

    public static SnapshotImportResult Import(SnapshotImportOptions options, IProgress<ImportProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options = options.Validate();
        var steps = options.Embeddings.Count + 3.0;
        var step = 0;
        void Report(string stage) => progress?.Report(new ImportProgress(stage, step++ / steps));

        Report($"reading {Path.GetFileName(options.FacesCsv)}");
        var faces = CsvTable.Read(options.FacesCsv, SnapshotLayout.RequiredFaceColumns);
        CheckFaces(faces, options.FacesCsv);
        if (options.PhotoKey is { Count: > 0 } key)
        {
            ComposePhotoKey(faces, key, options.FacesCsv);
        }

        var embeddings = new List<SnapshotEmbedding>();
        foreach (var source in options.Embeddings)
        {
            cancellation.ThrowIfCancellationRequested();
            Report($"reading {source.Name} embeddings");
            embeddings.Add(ReadEmbeddings(source, faces.Rows.Count));
        }

        var warnings = new List<string>();
        Report("reading relations");
        var relations = options.RelationsCsv is null ? [] : ReadRelations(options.RelationsCsv, faces, warnings);

        Report("writing and verifying the snapshot");
        var content = new SnapshotContent(faces.Columns, faces.Rows, embeddings, relations, Describe(options))
        {
            ImagesRoot = options.ImagesRoot,
        };
        var snapshot = SnapshotWriter.Write(content, options.OutputDirectory, cancellation);
        progress?.Report(new ImportProgress("done", 1));
        return new SnapshotImportResult(snapshot, warnings);
    }

    private static void CheckFaces(CsvTable faces, string path)
    {
        if (faces.Rows.Count == 0)
        {
            throw new FaceEvalException(ErrorKind.InvalidData, $"{path}: no face rows after the header");
        }

        var (idColumn, photoColumn) = (faces.ColumnIndex(SnapshotLayout.FaceIdColumn), faces.ColumnIndex(SnapshotLayout.PhotoColumn));
        var takenAtColumn = faces.ColumnIndex(SnapshotLayout.TakenAtColumn);
        var seen = new Dictionary<string, int>(faces.Rows.Count, StringComparer.Ordinal);
        for (var i = 0; i < faces.Rows.Count; i++)
        {
            var row = faces.Rows[i];
            var line = faces.Lines[i];
            row[idColumn] = row[idColumn].Trim();
            if (row[idColumn].Length == 0)
            {
                throw new FaceEvalException(ErrorKind.InvalidData, $"{path} line {line}: empty face_id");
            }

            if (!seen.TryAdd(row[idColumn], line))
            {
                throw new FaceEvalException(ErrorKind.InvalidData, $"{path} line {line}: duplicate face_id '{row[idColumn]}' (first on line {seen[row[idColumn]]})");
            }

            if (row[photoColumn].Length == 0)
            {
                throw new FaceEvalException(ErrorKind.InvalidData, $"{path} line {line}: face '{row[idColumn]}' has an empty photo");
            }

            if (takenAtColumn >= 0 && row[takenAtColumn].Length > 0 && Snapshot.ParseTakenAt(row[takenAtColumn]) is null)
            {
                throw new FaceEvalException(ErrorKind.InvalidData,
                    $"{path} line {line}: taken_at '{row[takenAtColumn]}' is not a date and time (use ISO 8601, e.g. 2021-06-30T14:05:00Z)");
            }
        }
    }

    private static void ComposePhotoKey(CsvTable faces, IReadOnlyList<string> key, string path)
    {
        var columns = key.Select(name => faces.ColumnIndex(name) is var i and >= 0 ? i
            : throw new FaceEvalException(ErrorKind.InvalidData, $"{path}: photo key column '{name}' is not in the header ({string.Join(",", faces.Columns)})")).ToArray();
        var photoColumn = faces.ColumnIndex(SnapshotLayout.PhotoColumn);
        foreach (var row in faces.Rows)
        {
            row[photoColumn] = string.Join('/', columns.Select(c => row[c]));
        }
    }

    private static SnapshotEmbedding ReadEmbeddings(EmbeddingSource source, int faces)
    {
        // One read, hashed as it is parsed, for the provenance.
        NpyMatrix matrix;
        string hash;
        using (var stream = new HashingReadStream(NpyReader.Open(source.Path)))
        {
            matrix = NpyReader.Read(stream, source.Path);
            hash = stream.FinishHash();
        }

        if (matrix.Rows != faces)
        {
            throw new FaceEvalException(ErrorKind.DimensionMismatch,
                $"{source.Path}: {matrix.Rows} embedding rows for {faces} faces (model '{source.Name}'); rows must match faces.csv one to one");
        }

        if (matrix.Columns == 0)
        {
            throw new FaceEvalException(ErrorKind.DimensionMismatch, $"{source.Path}: embeddings of dimension 0 (model '{source.Name}')");
        }

        var provenance = string.Create(CultureInfo.InvariantCulture,
            $"imported from {source.Path} ({matrix.SourceType.ToString().ToLowerInvariant()} [{matrix.Rows}, {matrix.Columns}], sha256 {hash})");
        return new SnapshotEmbedding(source.Name, matrix.Data, matrix.Columns, provenance) { SourcePath = source.Path };
    }

    private static List<Relation> ReadRelations(string path, CsvTable faces, List<string> warnings)
    {
        var table = CsvTable.Read(path, SnapshotLayout.RelationColumns);
        var personColumn = faces.ColumnIndex(SnapshotLayout.PersonColumn);
        var people = faces.Rows.Select(r => r[personColumn].Trim()).Where(p => p.Length > 0).ToHashSet(StringComparer.Ordinal);
        var (a, b, t) = (table.ColumnIndex(SnapshotLayout.PersonAColumn), table.ColumnIndex(SnapshotLayout.PersonBColumn), table.ColumnIndex(SnapshotLayout.RelationColumn));

        var kept = new List<Relation>();
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var dropped = 0;
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var row = table.Rows[i];
            var relation = new Relation(row[a].Trim(), row[b].Trim(), row[t].Trim());
            if (relation.PersonA.Length == 0 || relation.PersonB.Length == 0 || relation.Type.Length == 0)
            {
                throw new FaceEvalException(ErrorKind.InvalidData, $"{path} line {table.Lines[i]}: person_a, person_b and relation must all be non-empty");
            }

            var unknown = new[] { relation.PersonA, relation.PersonB }.Where(p => !people.Contains(p)).ToArray();
            if (unknown.Length > 0)
            {
                missing.UnionWith(unknown);
                dropped++;
                continue;
            }

            kept.Add(relation);
        }

        if (dropped > 0)
        {
            var names = string.Join(", ", missing.Take(NamesInWarning));
            var more = missing.Count > NamesInWarning ? $" and {missing.Count - NamesInWarning} more" : "";
            warnings.Add($"{dropped} relation{(dropped > 1 ? "s" : "")} of {Path.GetFileName(path)} left out: no face of {names}{more}");
        }

        return kept;
    }

    private static string Describe(SnapshotImportOptions options) =>
        $"faceeval snapshot import: faces {options.FacesCsv}"
        + (options.PhotoKey is { Count: > 0 } k ? $" (photo = {string.Join("/", k)})" : "") + (options.RelationsCsv is null ? "" : $", relations {options.RelationsCsv}");
}
