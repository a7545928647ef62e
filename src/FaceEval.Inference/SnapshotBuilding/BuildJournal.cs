using System.Text.Json;
using System.Text.Json.Serialization;
using FaceEval.Core.Errors;
using FaceEval.Core.IO;
using FaceEval.Core.Snapshots;

namespace FaceEval.Inference.SnapshotBuilding;

/// <summary>
/// The record of finished images in &lt;out&gt;.partial/journal.jsonl, a <see cref="JsonLinesJournal{T}"/>:
/// a header line naming the settings, then one <see cref="ImageRecord"/> per image, written and fsynced
/// once per batch. A line cut short by a crash (or a damaged one) is dropped on reopening, with every
/// line after it, so those images are simply done again.
/// </summary>
internal sealed class BuildJournal : IDisposable
{
    public const string FileName = "journal.jsonl";

    private readonly JsonLinesJournal<ImageRecord> _journal;
    private readonly List<ImageRecord> _pending = [];

    private BuildJournal(string directory, JsonLinesJournal<ImageRecord> journal, Dictionary<string, ImageRecord> records)
    {
        Directory = directory;
        _journal = journal;
        Records = records;
    }

    public string Directory { get; }

    public string CropsDirectory => Path.Combine(Directory, SnapshotLayout.CropsFolder);

    /// <summary>Finished images by file, those read back first.</summary>
    public Dictionary<string, ImageRecord> Records { get; }

    public static BuildJournal Open(string directory, string header)
    {
        System.IO.Directory.CreateDirectory(Path.Combine(directory, SnapshotLayout.CropsFolder));
        var path = Path.Combine(directory, FileName);
        var headerLine = JsonSerializer.Serialize(header, BuildJsonContext.Default.String);
        var content = JsonLinesJournal<ImageRecord>.Read(path, BuildJsonContext.Default.ImageRecord, JournalDamage.DropFromThere, header: true);
        if (content.Header is { } existing && existing != headerLine)
        {
            throw new FaceEvalException(ErrorKind.Usage,
                $"{directory} holds an interrupted run with other settings ({existing}); rerun with those settings or delete it");
        }

        var journal = JsonLinesJournal<ImageRecord>.Open(path, BuildJsonContext.Default.ImageRecord, content);
        if (content.Header is null)
        {
            journal.AppendLine(headerLine);
        }

        var records = new Dictionary<string, ImageRecord>(StringComparer.Ordinal);
        foreach (var record in content.Entries)
        {
            records[record.File] = record;
        }

        return new BuildJournal(directory, journal, records);
    }

    /// <summary>Records a finished image; it is on the disk after the next <see cref="Flush"/>.</summary>
    public void Append(ImageRecord record)
    {
        _pending.Add(record);
        Records[record.File] = record;
    }

    public void Flush()
    {
        _journal.AppendAll(_pending);
        _pending.Clear();
    }

    /// <summary>Nothing is held open between batches.</summary>
    public void Dispose()
    {
    }
}

/// <summary>The build journal's lines: snake_case keys like every FaceEval file (all of them single words so far).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(ImageRecord))]
[JsonSerializable(typeof(string))]
internal sealed partial class BuildJsonContext : JsonSerializerContext;
