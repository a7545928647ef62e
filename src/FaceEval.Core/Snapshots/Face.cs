using FaceEval.Core.Errors;

namespace FaceEval.Core.Snapshots;

/// <summary>
/// One row of a snapshot's faces.csv. <see cref="Index"/> is the row (and embedding row) number;
/// every column, including ones FaceEval does not interpret (box, landmarks, dataset ...), is
/// available by name through the indexer.
/// </summary>
public sealed record Face
{
    private readonly IReadOnlyDictionary<string, int> _columns;
    private readonly string[] _values;

    internal Face(int index, IReadOnlyDictionary<string, int> columns, string[] values, DateTimeOffset? takenAt)
    {
        Index = index;
        _columns = columns;
        _values = values;
        Id = values[columns[SnapshotLayout.FaceIdColumn]];
        var person = values[columns[SnapshotLayout.PersonColumn]];
        Person = person.Length == 0 ? null : person;
        Photo = values[columns[SnapshotLayout.PhotoColumn]];
        TakenAt = takenAt;
    }

    public int Index { get; }

    public string Id { get; }

    /// <summary>The ground-truth person, or null for an unlabelled face.</summary>
    public string? Person { get; }

    public string Photo { get; }

    /// <summary>From the <c>taken_at</c> column when the snapshot has one and the cell is not empty.</summary>
    public DateTimeOffset? TakenAt { get; }

    /// <summary>All values in <see cref="Snapshot.FaceColumns"/> order.</summary>
    public IReadOnlyList<string> Values => _values;

    /// <summary>The value of a column; unknown columns are an <see cref="ErrorKind.UnknownName"/> error.</summary>
    public string this[string column] => TryGetValue(column, out var value)
        ? value
        : throw new FaceEvalException(ErrorKind.UnknownName,
            $"faces have no column '{column}'; columns: {string.Join(", ", _columns.OrderBy(c => c.Value).Select(c => c.Key))}");

    public bool TryGetValue(string column, out string value)
    {
        if (_columns.TryGetValue(column, out var i))
        {
            value = _values[i];
            return true;
        }

        value = "";
        return false;
    }
}
