using System.Text;
using System.Text.Json;
using FaceEval.Core.Errors;
using FaceEval.Core.Snapshots;

namespace FaceEval.Inference.Pipeline;

/// <summary>
/// The append-only record of finished images in &lt;out&gt;.partial/journal.jsonl: a header line naming the
/// settings, then one JSON line per image, flushed after every batch. A line cut short by a crash is
/// dropped on reopening, so those images are simply done again.
/// </summary>
internal sealed class BuildJournal : IDisposable
{
    public const string FileName = "journal.jsonl";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private readonly FileStream _stream;

    private BuildJournal(string directory, FileStream stream, Dictionary<string, ImageRecord> records)
    {
        Directory = directory;
        _stream = stream;
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
        var records = new Dictionary<string, ImageRecord>(StringComparer.Ordinal);
        var headerLine = JsonSerializer.Serialize(header, Json);
        long keep = 0;
        if (File.Exists(path))
        {
            var bytes = File.ReadAllBytes(path);
            var lines = SplitLines(bytes);
            if (lines.Count > 0 && lines[0].Complete)
            {
                var existing = Encoding.UTF8.GetString(bytes, 0, lines[0].Length);
                if (existing != headerLine)
                {
                    throw new FaceEvalException(ErrorKind.Usage,
                        $"{directory} holds an interrupted run with other settings ({existing}); rerun with those settings or delete it");
                }

                keep = lines[0].End;
                foreach (var line in lines.Skip(1))
                {
                    var record = line.Complete ? TryParse(bytes.AsSpan(line.Start, line.Length)) : null;
                    if (record is null)
                    {
                        break;
                    }

                    records[record.File] = record;
                    keep = line.End;
                }
            }
        }

        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read);
        stream.SetLength(keep);
        stream.Seek(keep, SeekOrigin.Begin);
        if (keep == 0)
        {
            stream.Write(Encoding.UTF8.GetBytes(headerLine + "\n"));
            stream.Flush(flushToDisk: true);
        }

        return new BuildJournal(directory, stream, records);
    }

    public void Append(ImageRecord record)
    {
        _stream.Write(JsonSerializer.SerializeToUtf8Bytes(record, Json));
        _stream.WriteByte((byte)'\n');
        Records[record.File] = record;
    }

    public void Flush() => _stream.Flush(flushToDisk: true);

    public void Dispose() => _stream.Dispose();

    private static ImageRecord? TryParse(ReadOnlySpan<byte> line)
    {
        try
        {
            return JsonSerializer.Deserialize<ImageRecord>(line, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<(int Start, int Length, long End, bool Complete)> SplitLines(byte[] bytes)
    {
        var result = new List<(int, int, long, bool)>();
        var start = 0;
        while (start < bytes.Length)
        {
            var nl = Array.IndexOf(bytes, (byte)'\n', start);
            if (nl < 0)
            {
                result.Add((start, bytes.Length - start, bytes.Length, false));
                break;
            }

            result.Add((start, nl - start, nl + 1, true));
            start = nl + 1;
        }

        return result;
    }
}
