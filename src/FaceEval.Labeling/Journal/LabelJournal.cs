using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using FaceEval.Core.Errors;
using FaceEval.Labeling.Editing;

namespace FaceEval.Labeling.Journal;

/// <summary>
/// The append-only edit journal: one JSON object per line. Every append is written in one piece and
/// flushed to the disk (fsync) before it returns, so an acknowledged edit survives a kill or a power
/// cut. A last line without its newline is a write that was never acknowledged: reading ignores it and
/// <see cref="OpenForAppend"/> cuts it off so the next entry starts on a clean line.
/// <para>Each append opens the file by name and checks it still has the length this journal left it
/// at. A handle held open would keep appending to a journal that was deleted or replaced (its edits
/// gone at the next start) and would keep unwritten bytes of a failed write in its buffer, to be
/// written with the next entry. A failed append is cut back off and reported as
/// <see cref="ErrorKind.Io"/>, so the edit is neither acknowledged nor replayed later.</para>
/// </summary>
public sealed class LabelJournal : IDisposable
{
    public const string FileName = "journal.jsonl";

    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    private long _length;

    private LabelJournal(string path, long length)
    {
        Path = path;
        _length = length;
    }

    public string Path { get; }

    /// <summary>Entries in the file, in order; a missing file has none. A malformed line before the last is <see cref="ErrorKind.InvalidData"/>.</summary>
    public static IReadOnlyList<LabelEdit> Read(string path) => ReadWithLength(path).Edits;

    /// <summary>Reads the journal, drops a torn last line from the file and opens it for appending.</summary>
    public static (IReadOnlyList<LabelEdit> Edits, LabelJournal Journal) OpenForAppend(string path)
    {
        var (edits, goodLength) = ReadWithLength(path);
        using (var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read))
        {
            if (stream.Length != goodLength)
            {
                stream.SetLength(goodLength);
            }

            stream.Flush(flushToDisk: true);
        }

        return (edits, new LabelJournal(path, goodLength));
    }

    /// <summary>
    /// Appends one entry and returns only once it is on the disk; otherwise throws
    /// <see cref="ErrorKind.Io"/> with the file as it was before.
    /// </summary>
    public void Append(LabelEdit edit)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(edit, Json);
        var line = new byte[bytes.Length + 1];
        bytes.CopyTo(line, 0);
        line[^1] = (byte)'\n';
        FileStream stream;
        try
        {
            // Unbuffered, so a failed write leaves nothing behind to be flushed later.
            stream = new FileStream(Path, FileMode.Open, FileAccess.Write, FileShare.Read, bufferSize: 0);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Unwritable(ex.Message);
        }

        using (stream)
        {
            if (stream.Length != _length)
            {
                throw Unwritable($"it is {stream.Length} bytes, not the {_length} written by this session: something else changed it");
            }

            try
            {
                stream.Seek(_length, SeekOrigin.Begin);
                stream.Write(line);
                stream.Flush(flushToDisk: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                try
                {
                    stream.SetLength(_length);
                }
                catch (Exception cut) when (cut is IOException or UnauthorizedAccessException)
                {
                    // Most likely a torn line without its newline, which a restart ignores; until then the length check refuses appends.
                }

                throw Unwritable(ex.Message);
            }
        }

        _length += line.Length;
    }

    /// <summary>Nothing is held open between appends.</summary>
    public void Dispose()
    {
    }

    private FaceEvalException Unwritable(string why) =>
        new(ErrorKind.Io, $"cannot append to the journal {Path} ({why.ReplaceLineEndings(" ")}); the edit was not applied");

    private static (IReadOnlyList<LabelEdit> Edits, long GoodLength) ReadWithLength(string path)
    {
        if (!File.Exists(path))
        {
            return ([], 0);
        }

        var bytes = File.ReadAllBytes(path);
        var edits = new List<LabelEdit>();
        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0; // a BOM from an editor is not an entry
        var lineNumber = 0;
        while (start < bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            if (end < 0)
            {
                break; // torn: written without its newline, never acknowledged
            }

            lineNumber++;
            var line = bytes.AsSpan(start, end - start);
            var edit = Parse(line);
            if (edit is null)
            {
                if (end == bytes.Length - 1)
                {
                    break; // a garbled last line is a torn write too
                }

                throw new FaceEvalException(ErrorKind.InvalidData,
                    $"{path}: line {lineNumber} is not a journal entry: '{Encoding.UTF8.GetString(line)}'");
            }

            edits.Add(edit);
            start = end + 1;
        }

        return (edits, start);
    }

    private static LabelEdit? Parse(ReadOnlySpan<byte> line)
    {
        try
        {
            return JsonSerializer.Deserialize<LabelEdit>(line, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
