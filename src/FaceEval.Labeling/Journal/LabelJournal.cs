using FaceEval.Core.Errors;
using FaceEval.Core.IO;
using FaceEval.Labeling.Editing;

namespace FaceEval.Labeling.Journal;

/// <summary>
/// The append-only edit journal: one <see cref="LabelEdit"/> per line in a <see cref="JsonLinesJournal{T}"/>,
/// so an acknowledged edit is on the disk, a torn last line is ignored and cut off, and a journal that was
/// deleted, replaced or could not be written refuses the edit instead of acknowledging it into a lost file.
/// A malformed line before the last is refused: the edits are a person's work and cannot be redone.
/// </summary>
public sealed class LabelJournal : IDisposable
{
    public const string FileName = "journal.jsonl";

    private readonly JsonLinesJournal<LabelEdit> _journal;

    private LabelJournal(JsonLinesJournal<LabelEdit> journal) => _journal = journal;

    public string Path => _journal.Path;

    /// <summary>Entries in the file, in order; a missing file has none. A malformed line before the last is <see cref="ErrorKind.InvalidData"/>.</summary>
    public static IReadOnlyList<LabelEdit> Read(string path) =>
        JsonLinesJournal<LabelEdit>.Read(path, LabelJsonContext.Default.LabelEdit, JournalDamage.Refuse).Entries;

    /// <summary>Reads the journal, drops a torn last line from the file and opens it for appending.</summary>
    public static (IReadOnlyList<LabelEdit> Edits, LabelJournal Journal) OpenForAppend(string path)
    {
        var content = JsonLinesJournal<LabelEdit>.Read(path, LabelJsonContext.Default.LabelEdit, JournalDamage.Refuse);
        return (content.Entries, new LabelJournal(JsonLinesJournal<LabelEdit>.Open(path, LabelJsonContext.Default.LabelEdit, content)));
    }

    /// <summary>
    /// Appends one entry and returns only once it is on the disk; otherwise throws
    /// <see cref="ErrorKind.Io"/> with the file as it was before.
    /// </summary>
    public void Append(LabelEdit edit)
    {
        try
        {
            _journal.Append(edit);
        }
        catch (FaceEvalException ex) when (ex.Kind == ErrorKind.Io)
        {
            throw new FaceEvalException(ErrorKind.Io, $"{ex.Message}; the edit was not applied", ex);
        }
    }

    /// <summary>Nothing is held open between appends.</summary>
    public void Dispose()
    {
    }
}
