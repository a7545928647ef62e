using System.Globalization;

namespace FaceEval.Labeling.Editing;

/// <summary>
/// Every person ever known, by stable id (its index): the snapshot's people first, then each new one.
/// Ids are never reused, not even after an undo or a merge, so journal entries keep their meaning.
/// </summary>
internal sealed class PersonRoster
{
    private readonly List<PersonEntry> _people;

    public PersonRoster(IEnumerable<string> labels)
    {
        _people = labels.Select(label => new PersonEntry(label, fresh: false)).ToList();
    }

    /// <summary>People ever known, active or not: the next new person's id.</summary>
    public int Count => _people.Count;

    public PersonEntry this[int id] => _people[id];

    /// <summary>Adds a new person with a fresh label; returns its entry.</summary>
    public PersonEntry Add(string label)
    {
        var entry = new PersonEntry(label, fresh: true);
        _people.Add(entry);
        return entry;
    }

    public bool IsActive(int id) => id >= 0 && id < _people.Count && _people[id].Active;

    /// <summary>An active person by exact label, else by numeric id; null when neither matches.</summary>
    public int? Resolve(string reference)
    {
        for (var p = 0; p < _people.Count; p++)
        {
            if (_people[p].Active && string.Equals(_people[p].Label, reference, StringComparison.Ordinal))
            {
                return p;
            }
        }

        return int.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && IsActive(id) ? id : null;
    }

    /// <summary>The current label of a person, following merges; null when it was removed without a successor.</summary>
    public string? Successor(int person)
    {
        for (var hops = 0; person >= 0 && person < _people.Count && hops <= _people.Count; hops++)
        {
            var entry = _people[person];
            if (entry.Active)
            {
                return entry.Label;
            }

            if (entry.MergedInto is not { } next)
            {
                return null;
            }

            person = next;
        }

        return null;
    }

    public bool LabelInUse(string label, int except) =>
        _people.Where((e, i) => i != except && e.Active).Any(e => string.Equals(e.Label, label, StringComparison.Ordinal));

    /// <summary>The first <c>new-N</c> not used by any person, past or present, so labels are never reused.</summary>
    public string FreshLabel()
    {
        for (var k = _people.Count(e => e.Fresh) + 1; ; k++)
        {
            var label = string.Create(CultureInfo.InvariantCulture, $"new-{k}");
            if (!_people.Any(e => string.Equals(e.Label, label, StringComparison.Ordinal)))
            {
                return label;
            }
        }
    }
}

/// <summary>
/// One person of the roster. <see cref="Fresh"/>: still the generated label of a new person.
/// Inactive: undone or merged away (<see cref="MergedInto"/> says into whom).
/// </summary>
internal sealed class PersonEntry(string label, bool fresh)
{
    public string Label { get; set; } = label;

    public bool Fresh { get; set; } = fresh;

    public bool Active { get; set; } = true;

    public int? MergedInto { get; set; }
}
