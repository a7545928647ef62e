using FaceEval.Core.Errors;

namespace FaceEval.Core.Snapshots;

/// <summary>
/// What <c>faceeval snapshot import</c> reads and where it writes. <see cref="Validate"/> checks the
/// files exist, model names are safe and distinct and the output is new, and returns the options with
/// absolute paths.
/// </summary>
/// <param name="FacesCsv">CSV with at least face_id, person, photo; one row per face, in embedding row order.</param>
/// <param name="Embeddings">At least one model; each .npy is float16/32/64 [faces, dimension], C order.</param>
/// <param name="RelationsCsv">Optional CSV with person_a, person_b, relation.</param>
/// <param name="ImagesRoot">Optional directory the faces' <c>file</c> column resolves against.</param>
public sealed record SnapshotImportOptions(
    string FacesCsv,
    IReadOnlyList<EmbeddingSource> Embeddings,
    string? RelationsCsv,
    string? ImagesRoot,
    string OutputDirectory)
{
    /// <summary>
    /// Columns whose values, joined with '/', identify a photo, when <c>photo</c> alone is not unique
    /// (e.g. FIW numbers photos per family: <c>family,photo</c>). The joined key is stored as <c>photo</c>.
    /// </summary>
    public IReadOnlyList<string>? PhotoKey { get; init; }

    public SnapshotImportOptions Validate()
    {
        RequireFile(FacesCsv, "faces CSV");
        if (Embeddings is null || Embeddings.Count == 0)
        {
            throw new FaceEvalException(ErrorKind.Usage, "at least one --embeddings NAME=PATH.npy is needed");
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in Embeddings)
        {
            SnapshotLayout.CheckModelName(e.Name);
            if (!names.Add(e.Name))
            {
                throw new FaceEvalException(ErrorKind.Usage, $"model '{e.Name}' is given twice (names are compared ignoring case)");
            }

            RequireFile(e.Path, $"embeddings of model '{e.Name}'");
        }

        if (RelationsCsv is not null)
        {
            RequireFile(RelationsCsv, "relations CSV");
        }

        if (ImagesRoot is not null && !Directory.Exists(ImagesRoot))
        {
            throw new FaceEvalException(ErrorKind.FileNotFound, $"{ImagesRoot}: no such images directory");
        }

        if (string.IsNullOrWhiteSpace(OutputDirectory))
        {
            throw new FaceEvalException(ErrorKind.Usage, "an output directory is needed");
        }

        var output = Path.GetFullPath(OutputDirectory);
        SnapshotWriter.CheckTarget(output);
        return this with
        {
            FacesCsv = Path.GetFullPath(FacesCsv),
            Embeddings = Embeddings.Select(e => e with { Path = Path.GetFullPath(e.Path) }).ToArray(),
            RelationsCsv = RelationsCsv is null ? null : Path.GetFullPath(RelationsCsv),
            ImagesRoot = ImagesRoot is null ? null : Path.GetFullPath(ImagesRoot),
            OutputDirectory = output,
        };
    }

    private static void RequireFile(string? path, string what)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new FaceEvalException(ErrorKind.Usage, $"no path given for the {what}");
        }

        if (!File.Exists(path))
        {
            throw new FaceEvalException(ErrorKind.FileNotFound, $"{path}: no such file ({what})");
        }
    }
}
