using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FaceEval.Core.Errors;

namespace FaceEval.Core.IO;

/// <summary>What a complete line that is not an entry means when it is not the last line.</summary>
public enum JournalDamage
{
    /// <summary><see cref="ErrorKind.InvalidData"/>: the entries are someone's work that cannot be redone.</summary>
    Refuse,

    /// <summary>The entries before it are kept and the rest is dropped: the work they record is simply done again.</summary>
    DropFromThere,
}

/// <summary>The entries of a journal file, its header line (when it has one and it is complete) and the length of the part they fill.</summary>
public sealed record JournalContent<T>(string? Header, IReadOnlyList<T> Entries, long Length);

/// <summary>
/// An append-only file of JSON lines, one entry per line, optionally after one header line.
/// <para>A last line without its newline, or a garbled last line, is a write that was never
/// acknowledged: reading ignores it and <see cref="Open"/> cuts it off, so the next entry starts on a
/// clean line. A BOM from an editor is not an entry.</para>
/// <para>Every append is one unbuffered write followed by fsync, so what it acknowledged survives a
/// kill or a power cut. It opens the file by name and first checks it still has the length this
/// journal left it at: a handle held open would keep appending to a journal that was deleted or
/// replaced (its entries gone at the next start). A failed write is cut back off and reported as
/// <see cref="ErrorKind.Io"/>, so nothing of it is replayed later.</para>
/// </summary>
public sealed class JsonLinesJournal<T>
    where T : class
{
    private readonly JsonTypeInfo<T> _type;

    private JsonLinesJournal(string path, JsonTypeInfo<T> type, long length)
    {
        Path = path;
        _type = type;
        Length = length;
    }

    public string Path { get; }

    /// <summary>The file's length as this journal wrote it.</summary>
    public long Length { get; private set; }

    /// <summary>The journal's content; a missing file has none. See <see cref="JournalDamage"/> for a bad line before the last.</summary>
    /// <param name="header">True when the first line is a header (returned as its text, not parsed).</param>
    public static JournalContent<T> Read(string path, JsonTypeInfo<T> type, JournalDamage damage, bool header = false)
    {
        if (!File.Exists(path))
        {
            return new(null, [], 0);
        }

        var bytes = File.ReadAllBytes(path);
        var entries = new List<T>();
        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        string? headerText = null;
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
            if (header && lineNumber == 1)
            {
                headerText = Encoding.UTF8.GetString(line);
                start = end + 1;
                continue;
            }

            if (Parse(line, type) is not { } entry)
            {
                if (end == bytes.Length - 1 || damage == JournalDamage.DropFromThere)
                {
                    break; // a garbled last line is a torn write too
                }

                throw new FaceEvalException(ErrorKind.InvalidData,
                    $"{path}: line {lineNumber} is not a journal entry: '{Encoding.UTF8.GetString(line)}'");
            }

            entries.Add(entry);
            start = end + 1;
        }

        return new(headerText, entries, header && headerText is null ? 0 : start);
    }

    /// <summary>Cuts the file (created when missing) to what <paramref name="content"/> read of it and opens it for appending.</summary>
    public static JsonLinesJournal<T> Open(string path, JsonTypeInfo<T> type, JournalContent<T> content)
    {
        using (var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read))
        {
            if (stream.Length != content.Length)
            {
                stream.SetLength(content.Length);
            }

            stream.Flush(flushToDisk: true);
        }

        return new JsonLinesJournal<T>(path, type, content.Length);
    }

    /// <summary>Appends one entry and returns only once it is on the disk; otherwise throws <see cref="ErrorKind.Io"/> with the file as it was before.</summary>
    public void Append(T entry) => AppendAll([entry]);

    /// <summary>Appends the entries in one write and one fsync, all or none.</summary>
    public void AppendAll(IEnumerable<T> entries)
    {
        using var buffer = new MemoryStream();
        foreach (var entry in entries)
        {
            JsonSerializer.Serialize(buffer, entry, _type);
            buffer.WriteByte((byte)'\n');
        }

        Write(buffer.ToArray());
    }

    /// <summary>Appends <paramref name="line"/> (one line of JSON, written as is), e.g. the header of a new journal.</summary>
    public void AppendLine(string line) => Write(Encoding.UTF8.GetBytes(line + "\n"));

    private void Write(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return;
        }

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
            if (stream.Length != Length)
            {
                throw Unwritable($"it is {stream.Length} bytes, not the {Length} written by this session: something else changed it");
            }

            try
            {
                stream.Seek(Length, SeekOrigin.Begin);
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                try
                {
                    stream.SetLength(Length);
                }
                catch (Exception cut) when (cut is IOException or UnauthorizedAccessException)
                {
                    // Most likely a torn line without its newline, which a restart ignores; until then the length check refuses appends.
                }

                throw Unwritable(ex.Message);
            }
        }

        Length += bytes.Length;
    }

    private FaceEvalException Unwritable(string why) =>
        new(ErrorKind.Io, $"cannot append to the journal {Path} ({why.ReplaceLineEndings(" ")})");

    private static T? Parse(ReadOnlySpan<byte> line, JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(line, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
