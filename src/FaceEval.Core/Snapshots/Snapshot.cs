using System.Globalization;
using System.Runtime.ExceptionServices;
using FaceEval.Core.Embeddings;
using FaceEval.Core.Errors;
using FaceEval.Core.IO;
using FaceEval.Core.Numpy;

namespace FaceEval.Core.Snapshots;

/// <summary>
/// A frozen, verified snapshot: its faces, people, relations and the names of the models whose
/// embeddings it holds. Embeddings are read on demand (<see cref="LoadEmbeddings"/>), each checked
/// against its hash again as it is read.
/// </summary>
public sealed class Snapshot
{
    private readonly Dictionary<string, int> _faceIndex;

    private Snapshot(string directory, SnapshotManifest manifest, IReadOnlyList<string> faceColumns, IReadOnlyList<Face> faces,
        IReadOnlyList<string> people, IReadOnlyList<Relation> relations, Dictionary<string, int> faceIndex)
    {
        Directory = directory;
        Manifest = manifest;
        FaceColumns = faceColumns;
        Faces = faces;
        People = people;
        Relations = relations;
        _faceIndex = faceIndex;
        Models = manifest.Models.Select(m => m.Name).ToArray();
    }

    /// <summary>Absolute path of the snapshot directory.</summary>
    public string Directory { get; }

    public string Id => Manifest.Id;

    public SnapshotManifest Manifest { get; }

    /// <summary>faces.csv columns in file order: face_id, person, photo, then the rest as imported.</summary>
    public IReadOnlyList<string> FaceColumns { get; }

    public IReadOnlyList<Face> Faces { get; }

    /// <summary>Distinct labelled people in people.csv order (ordinal); <see cref="GroundTruth"/> indexes into it.</summary>
    public IReadOnlyList<string> People { get; }

    public IReadOnlyList<Relation> Relations { get; }

    public IReadOnlyList<string> Models { get; }

    public string? ImagesRoot => Manifest.ImagesRoot;

    /// <summary>
    /// Verifies every hash and loads the tables. A missing directory is <see cref="ErrorKind.FileNotFound"/>;
    /// a tampered or incomplete snapshot is <see cref="ErrorKind.SnapshotIntegrity"/> naming the file.
    /// </summary>
    public static Snapshot Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);

        // Hashing every file and parsing the tables are independent, so they run at once. A verification
        // problem wins over a parse error: a tampered table often fails to parse, and "tampered" is the news.
        var verifying = Task.Run(() => SnapshotVerifier.VerifyOrThrow(directory));
        Snapshot? snapshot = null;
        ExceptionDispatchInfo? unparsable = null;
        try
        {
            snapshot = Parse(Path.GetFullPath(directory));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            unparsable = ExceptionDispatchInfo.Capture(ex);
        }

        verifying.GetAwaiter().GetResult();
        unparsable?.Throw();
        return snapshot!;
    }

    private static Snapshot Parse(string root)
    {
        var problems = new List<SnapshotProblem>();
        var manifest = SnapshotVerifier.ReadManifest(root, problems)
            ?? throw Integrity(root, problems[0].File, problems[0].Message);

        var facesPath = Path.Combine(root, SnapshotLayout.FacesFile);
        var table = CsvTable.Read(facesPath, SnapshotLayout.RequiredFaceColumns, ErrorKind.SnapshotIntegrity);
        var columnIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < table.Columns.Length; c++)
        {
            columnIndex[table.Columns[c]] = c;
        }

        var takenAtColumn = table.ColumnIndex(SnapshotLayout.TakenAtColumn);
        var faces = new Face[table.Rows.Count];
        var faceIndex = new Dictionary<string, int>(faces.Length, StringComparer.Ordinal);
        for (var i = 0; i < faces.Length; i++)
        {
            var row = table.Rows[i];
            var takenAt = takenAtColumn >= 0 ? ParseTakenAt(row[takenAtColumn]) : null;
            faces[i] = new Face(i, columnIndex, row, takenAt);
            if (!faceIndex.TryAdd(faces[i].Id, i))
            {
                throw Integrity(root, SnapshotLayout.FacesFile, $"duplicate face id '{faces[i].Id}'");
            }
        }

        if (faces.Length != manifest.Counts.Faces)
        {
            throw Integrity(root, SnapshotLayout.FacesFile, $"{faces.Length} faces, the manifest says {manifest.Counts.Faces}");
        }

        var peopleTable = CsvTable.Read(Path.Combine(root, SnapshotLayout.PeopleFile), SnapshotLayout.PeopleColumns, ErrorKind.SnapshotIntegrity);
        var personColumn = peopleTable.ColumnIndex(SnapshotLayout.PersonColumn);
        var people = peopleTable.Rows.Select(r => r[personColumn]).ToArray();
        var known = people.ToHashSet(StringComparer.Ordinal);
        var unknown = faces.FirstOrDefault(f => f.Person is not null && !known.Contains(f.Person));
        if (unknown is not null || known.Count != people.Length)
        {
            throw Integrity(root, SnapshotLayout.PeopleFile, "does not list each labelled person of faces.csv exactly once");
        }

        var relationsTable = CsvTable.Read(Path.Combine(root, SnapshotLayout.RelationsFile), SnapshotLayout.RelationColumns, ErrorKind.SnapshotIntegrity);
        var (a, b, t) = (relationsTable.ColumnIndex(SnapshotLayout.PersonAColumn), relationsTable.ColumnIndex(SnapshotLayout.PersonBColumn),
            relationsTable.ColumnIndex(SnapshotLayout.RelationColumn));
        var relations = relationsTable.Rows.Select(r => new Relation(r[a], r[b], r[t])).ToArray();

        return new Snapshot(root, manifest, table.Columns, faces, people, relations, faceIndex);
    }

    /// <summary>
    /// The model's embeddings, rows L2-normalised, in face order. Unknown models are an
    /// <see cref="ErrorKind.UnknownName"/> error listing the models the snapshot has.
    /// </summary>
    public EmbeddingMatrix LoadEmbeddings(string model)
    {
        var values = LoadEmbeddingValues(model);
        return EmbeddingMatrix.FromRowMajor(values.Data, values.Rows, values.Columns);
    }

    /// <summary>The model's embeddings exactly as stored (not normalised), e.g. to copy them into a derived snapshot.</summary>
    public NpyMatrix LoadEmbeddingValues(string model)
    {
        var entry = Manifest.Models.FirstOrDefault(m => string.Equals(m.Name, model, StringComparison.Ordinal))
            ?? throw new FaceEvalException(ErrorKind.UnknownName,
                $"snapshot {Id} has no model '{model}'; it has: {(Models.Count == 0 ? "none" : string.Join(", ", Models))}");

        // One read, hashed as it is parsed: what was checked is what was parsed, and no copy of the
        // file's bytes is made (allocating tens of megabytes is a visible part of start-up).
        var path = Path.Combine(Directory, entry.File);
        NpyMatrix? matrix = null;
        ExceptionDispatchInfo? unreadable = null;
        string hash;
        try
        {
            using var stream = new HashingReadStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16));
            try
            {
                matrix = NpyReader.Read(stream, path);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                unreadable = ExceptionDispatchInfo.Capture(ex);
            }

            hash = stream.FinishHash();
        }
        catch (FileNotFoundException)
        {
            throw Integrity(Directory, entry.File, "missing (incomplete snapshot)");
        }

        // A changed file is reported as changed, even when the change also made it unreadable.
        if (!string.Equals(hash, Manifest.Files[entry.File], StringComparison.OrdinalIgnoreCase))
        {
            throw Integrity(Directory, entry.File, "sha256 does not match the manifest (changed after loading)");
        }

        unreadable?.Throw();

        if (matrix!.Rows != Faces.Count || matrix.Columns != entry.Dimension)
        {
            throw Integrity(Directory, entry.File,
                $"shape ({matrix.Rows}, {matrix.Columns}) does not match {Faces.Count} faces x dimension {entry.Dimension}");
        }

        return matrix;
    }

    /// <summary>Person index (into <see cref="People"/>) of every face; -1 for unlabelled faces.</summary>
    public int[] GroundTruth()
    {
        var index = new Dictionary<string, int>(People.Count, StringComparer.Ordinal);
        for (var i = 0; i < People.Count; i++)
        {
            index[People[i]] = i;
        }

        return Faces.Select(f => f.Person is null ? -1 : index[f.Person]).ToArray();
    }

    /// <summary>Dense photo index of every face (0.. distinct photos - 1, in order of first appearance).</summary>
    public int[] PhotoIndex()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        return Faces.Select(f => index.TryGetValue(f.Photo, out var p) ? p : index[f.Photo] = index.Count).ToArray();
    }

    /// <summary>
    /// The face's stored crop: the file its <c>crop</c> column names, else <c>crops/&lt;face_id&gt;</c> as .jpg,
    /// .jpeg or .png. Only a file that exists inside <c>crops/</c> counts (a row cannot point elsewhere); else null.
    /// </summary>
    public string? CropPath(int face)
    {
        var row = Faces[face];
        var crops = Path.Combine(Directory, SnapshotLayout.CropsFolder);
        var named = row.TryGetValue(SnapshotLayout.CropColumn, out var crop) && crop.Length > 0
            ? [Path.Combine(Directory, crop)]
            : new[] { ".jpg", ".jpeg", ".png" }.Select(ext => Path.Combine(crops, row.Id + ext));
        return named.Select(path => SnapshotLayout.Inside(crops, path)).FirstOrDefault(path => path is not null && File.Exists(path));
    }

    /// <summary>The face's photo (its <c>file</c> column under the images root) when it exists inside that root; else null.</summary>
    public string? PhotoPath(int face) =>
        ImagesRoot is not null && Faces[face].TryGetValue(SnapshotLayout.FileColumn, out var file) && file.Length > 0
        && SnapshotLayout.Inside(ImagesRoot, Path.Combine(ImagesRoot, file)) is { } path && File.Exists(path)
            ? path
            : null;

    /// <summary>Row of the face with this id, or -1.</summary>
    public int IndexOf(string faceId) => _faceIndex.TryGetValue(faceId, out var i) ? i : -1;

    /// <summary>
    /// This snapshot's content, embeddings included, with <see cref="SnapshotContent.Parent"/> set to
    /// this id: change what needs changing and hand it to <see cref="SnapshotWriter.Write"/>.
    /// </summary>
    public SnapshotContent ToContent(string source)
    {
        var embeddings = Manifest.Models.Select(m =>
        {
            var values = LoadEmbeddingValues(m.Name);
            return new SnapshotEmbedding(m.Name, values.Data, values.Columns, m.Provenance) { SourcePath = m.SourcePath };
        }).ToArray();
        var crops = Path.Combine(Directory, SnapshotLayout.CropsFolder);
        return new SnapshotContent(FaceColumns, Faces.Select(f => f.Values).ToArray(), embeddings, Relations, source)
        {
            Parent = Id,
            ImagesRoot = ImagesRoot,
            CropsDirectory = System.IO.Directory.Exists(crops) ? crops : null,
        };
    }

    internal static DateTimeOffset? ParseTakenAt(string text) =>
        text.Length == 0 ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value
        : null;

    private static FaceEvalException Integrity(string root, string file, string message) =>
        new(ErrorKind.SnapshotIntegrity, $"snapshot {root} refused: {Path.Combine(root, file)}: {message}");
}
