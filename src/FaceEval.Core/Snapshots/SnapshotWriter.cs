using FaceEval.Core.Errors;
using FaceEval.Core.Numpy;

namespace FaceEval.Core.Snapshots;

/// <summary>
/// Freezes <see cref="SnapshotContent"/> into a new snapshot directory. Everything is written into a
/// temporary directory beside the target, hashed, made read-only and renamed into place at the end, so
/// a failure leaves nothing behind; an existing non-empty target is refused, so nothing is ever
/// written into a frozen snapshot.
/// </summary>
public static class SnapshotWriter
{
    /// <summary>Writes and returns the loaded (re-verified) snapshot.</summary>
    public static Snapshot Write(SnapshotContent content, string outDirectory, CancellationToken cancellation = default) =>
        Write(content, [], outDirectory, cancellation);

    /// <summary>
    /// As <see cref="Write(SnapshotContent, string, CancellationToken)"/>, plus models whose rows are produced
    /// while they are written (<see cref="StreamedEmbedding"/>), so the largest file is never held in memory.
    /// </summary>
    public static Snapshot Write(SnapshotContent content, IReadOnlyList<StreamedEmbedding> streamed, string outDirectory, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(streamed);
        ArgumentNullException.ThrowIfNull(outDirectory);
        var target = Path.GetFullPath(outDirectory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        CheckTarget(target);
        var columns = OrderedColumns(content.FaceColumns);
        var validated = SnapshotContentValidator.Validate(content, columns);
        var names = new HashSet<string>(content.Embeddings.Select(e => e.Name), StringComparer.OrdinalIgnoreCase);
        foreach (var e in streamed)
        {
            SnapshotLayout.CheckModelName(e.Name);
            if (!names.Add(e.Name))
            {
                throw new FaceEvalException(ErrorKind.InvalidData, $"model '{e.Name}' is given twice (names are compared ignoring case)");
            }
        }

        var parent = Path.GetDirectoryName(target) ?? throw new FaceEvalException(ErrorKind.Io, $"{outDirectory}: cannot write a snapshot at a file-system root");
        System.IO.Directory.CreateDirectory(parent);
        var temp = Path.Combine(parent, $".{Path.GetFileName(target)}.tmp-{Guid.NewGuid():N}");
        try
        {
            System.IO.Directory.CreateDirectory(temp);
            WriteFiles(temp, content, streamed, columns, validated, cancellation);
            MakeReadOnly(temp);
            CheckTarget(target);
            if (System.IO.Directory.Exists(target))
            {
                System.IO.Directory.Delete(target);
            }

            System.IO.Directory.Move(temp, target);
        }
        catch
        {
            if (System.IO.Directory.Exists(temp))
            {
                System.IO.Directory.Delete(temp, recursive: true);
            }

            throw;
        }

        return Snapshot.Load(target);
    }

    /// <summary>Refuses a target that exists as a file or as a non-empty directory.</summary>
    internal static void CheckTarget(string target)
    {
        if (File.Exists(target))
        {
            throw new FaceEvalException(ErrorKind.Io, $"{target} exists and is a file; choose a new directory for the snapshot");
        }

        if (System.IO.Directory.Exists(target) && System.IO.Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new FaceEvalException(ErrorKind.Io,
                $"{target} exists and is not empty; snapshots are never written into an existing directory, choose a new one");
        }
    }

    private static void WriteFiles(string root, SnapshotContent content, IReadOnlyList<StreamedEmbedding> streamed, int[] columns, ValidatedContent validated, CancellationToken cancellation)
    {
        var header = columns.Select(c => content.FaceColumns[c]).ToArray();
        CsvTable.Write(Path.Combine(root, SnapshotLayout.FacesFile), header,
            content.FaceRows.Select(row => (IReadOnlyList<string>)columns.Select(c => c == validated.PersonColumn ? row[c].Trim() : row[c]).ToArray()));
        CsvTable.Write(Path.Combine(root, SnapshotLayout.PeopleFile), SnapshotLayout.PeopleColumns,
            validated.People.Select(p => (IReadOnlyList<string>)[p.Key, SnapshotLayout.Invariant(p.Value)]));
        CsvTable.Write(Path.Combine(root, SnapshotLayout.RelationsFile), SnapshotLayout.RelationColumns,
            content.Relations.Select(r => (IReadOnlyList<string>)[r.PersonA, r.PersonB, r.Type]));

        System.IO.Directory.CreateDirectory(Path.Combine(root, SnapshotLayout.EmbeddingsFolder));
        var models = new List<SnapshotModel>();
        foreach (var e in content.Embeddings)
        {
            cancellation.ThrowIfCancellationRequested();
            var file = SnapshotLayout.EmbeddingFile(e.Name);
            using (var stream = new FileStream(Path.Combine(root, file), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
            {
                NpyWriter.Write(stream, e.Values, e.Values.Length / e.Dimension, e.Dimension);
            }

            models.Add(new SnapshotModel(e.Name, e.Dimension, file, e.Provenance, e.SourcePath));
        }

        foreach (var e in streamed)
        {
            var file = SnapshotLayout.EmbeddingFile(e.Name);
            e.WriteTo(Path.Combine(root, file), content.FaceRows.Count, cancellation);
            models.Add(new SnapshotModel(e.Name, e.Dimension, file, e.Provenance, null));
        }

        if (content.CropsDirectory is not null)
        {
            CopyCrops(content.CropsDirectory, Path.Combine(root, SnapshotLayout.CropsFolder), cancellation);
        }

        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in System.IO.Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            cancellation.ThrowIfCancellationRequested();
            files[SnapshotLayout.Relative(root, path)] = SnapshotLayout.HashFile(path);
        }

        var counts = new SnapshotCounts(content.FaceRows.Count, validated.LabelledFaces, validated.People.Count, validated.Photos, content.Relations.Count);
        var manifest = new SnapshotManifest(SnapshotManifest.CurrentFormatVersion, SnapshotLayout.ComputeId(files),
            DateTimeOffset.UtcNow, content.Source, content.Parent, models, counts,
            content.ImagesRoot is null ? null : Path.GetFullPath(content.ImagesRoot), files, content.Edits);
        File.WriteAllBytes(Path.Combine(root, SnapshotLayout.ManifestFile), ManifestJson.Write(manifest));
    }

    /// <summary>face_id, person, photo first; the other columns keep their given order.</summary>
    private static int[] OrderedColumns(IReadOnlyList<string> columns)
    {
        var order = new List<int>();
        foreach (var required in SnapshotLayout.RequiredFaceColumns)
        {
            var i = columns.ToList().IndexOf(required);
            if (i < 0)
            {
                throw new FaceEvalException(ErrorKind.InvalidData, $"faces lack the required column '{required}'");
            }

            order.Add(i);
        }

        order.AddRange(Enumerable.Range(0, columns.Count).Where(i => !order.Contains(i)));
        return order.ToArray();
    }

    private static void CopyCrops(string source, string destination, CancellationToken cancellation)
    {
        if (!System.IO.Directory.Exists(source))
        {
            throw new FaceEvalException(ErrorKind.FileNotFound, $"{source}: no such crops directory");
        }

        foreach (var file in System.IO.Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            cancellation.ThrowIfCancellationRequested();
            var to = Path.Combine(destination, Path.GetRelativePath(source, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
    }

    private static void MakeReadOnly(string root)
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            if (OperatingSystem.IsWindows())
            {
                File.SetAttributes(file, File.GetAttributes(file) | FileAttributes.ReadOnly);
            }
            else
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            }
        }
    }
}
