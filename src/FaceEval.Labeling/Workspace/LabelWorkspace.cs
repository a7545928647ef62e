using System.Text.Json;
using FaceEval.Core.Errors;
using FaceEval.Core.IO;
using FaceEval.Core.Snapshots;
using FaceEval.Labeling.Editing;
using FaceEval.Labeling.Journal;

namespace FaceEval.Labeling.Workspace;

/// <summary>
/// Opens the work directory of a labelling session: by default <c>&lt;snapshot&gt;.labels/</c> beside the
/// snapshot (never inside it, since snapshots are frozen). <c>work.json</c> pins the snapshot id and
/// model so a journal is never replayed over different faces.
/// </summary>
public static class LabelWorkspace
{
    public const string InfoFile = "work.json";

    private static readonly LabelJsonContext IndentedJson = new(new JsonSerializerOptions(LabelJsonContext.Default.Options) { WriteIndented = true });

    /// <summary>The default work directory for a snapshot directory.</summary>
    public static string DefaultWorkDirectory(string snapshotDirectory) =>
        Path.GetFullPath(snapshotDirectory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + ".labels";

    /// <summary>
    /// Loads the snapshot, creates or reopens the work directory, replays its journal and keeps the
    /// journal open for appending. <paramref name="model"/> may be null when the snapshot has exactly one
    /// model or the work directory already names one.
    /// </summary>
    public static LabelSession Open(string snapshotDirectory, string? model, string? workDirectory, LabelOptions options)
    {
        ArgumentNullException.ThrowIfNull(snapshotDirectory);
        var snapshot = Snapshot.Load(snapshotDirectory);
        var work = Path.GetFullPath(workDirectory ?? DefaultWorkDirectory(snapshot.Directory));
        var inside = Path.GetRelativePath(snapshot.Directory, work);
        if (inside == "." || (!inside.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(inside)))
        {
            throw new FaceEvalException(ErrorKind.Usage, $"work directory {work} is inside the snapshot {snapshot.Directory}; snapshots are frozen, choose a directory outside it");
        }

        var info = ReadInfo(work);
        if (info is not null && !string.Equals(info.SnapshotId, snapshot.Id, StringComparison.Ordinal))
        {
            throw new FaceEvalException(ErrorKind.BaselineMismatch,
                $"work directory {work} edits snapshot {info.SnapshotId}, not {snapshot.Id}; choose another --work");
        }

        var chosen = model ?? info?.Model ?? (snapshot.Models.Count == 1 ? snapshot.Models[0]
            : throw new FaceEvalException(ErrorKind.Usage,
                $"snapshot {snapshot.Id} has models {string.Join(", ", snapshot.Models)}; choose one with --model"));
        if (info is not null && !string.Equals(info.Model, chosen, StringComparison.Ordinal))
        {
            throw new FaceEvalException(ErrorKind.Usage, $"work directory {work} was started with model '{info.Model}', not '{chosen}'");
        }

        var input = LabelInput.From(snapshot, chosen);
        Directory.CreateDirectory(work);
        if (info is null)
        {
            WriteInfo(work, new WorkInfo(snapshot.Directory, snapshot.Id, chosen));
        }

        var (edits, journal) = LabelJournal.OpenForAppend(Path.Combine(work, LabelJournal.FileName));
        try
        {
            return new LabelSession(snapshot, chosen, work, new LabelState(input, options, journal, edits));
        }
        catch
        {
            journal.Dispose();
            throw;
        }
    }

    /// <summary>Replays a work directory without opening its journal for writing (for freezing).</summary>
    public static LabelSession OpenReadOnly(string workDirectory, LabelOptions options)
    {
        var work = Path.GetFullPath(workDirectory);
        var info = ReadInfo(work) ?? throw new FaceEvalException(ErrorKind.FileNotFound, $"{Path.Combine(work, InfoFile)}: not a labelling work directory");
        var snapshot = Snapshot.Load(info.Snapshot);
        if (!string.Equals(snapshot.Id, info.SnapshotId, StringComparison.Ordinal))
        {
            throw new FaceEvalException(ErrorKind.BaselineMismatch, $"{info.Snapshot} is now snapshot {snapshot.Id}, the journal edits {info.SnapshotId}");
        }

        var edits = LabelJournal.Read(Path.Combine(work, LabelJournal.FileName));
        return new LabelSession(snapshot, info.Model, work, new LabelState(LabelInput.From(snapshot, info.Model), options, null, edits));
    }

    private static WorkInfo? ReadInfo(string work)
    {
        var path = Path.Combine(work, InfoFile);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            // Work directories made before keys became snake_case have "snapshotId".
            var bytes = File.ReadAllBytes(path);
            return (JsonKeys.HasTopLevel(bytes, "snapshotId")
                    ? JsonSerializer.Deserialize(bytes, CamelCaseWorkJsonContext.Default.WorkInfo)
                    : JsonSerializer.Deserialize(bytes, LabelJsonContext.Default.WorkInfo))
                ?? throw new FaceEvalException(ErrorKind.InvalidData, $"{path}: empty");
        }
        catch (JsonException ex)
        {
            throw new FaceEvalException(ErrorKind.InvalidData, $"{path}: not a work description ({ex.Message})");
        }
    }

    private static void WriteInfo(string work, WorkInfo info)
    {
        AtomicFile.Write(Path.Combine(work, InfoFile), stream => JsonSerializer.Serialize(stream, info, IndentedJson.WorkInfo));
    }
}
