using FaceEval.Core.Errors;
using FaceEval.Labeling.Journal;

namespace FaceEval.Labeling.Editing;

/// <summary>
/// The labels being edited: the snapshot's labels plus every journal entry, applied in order. Each
/// edit is checked, written to the journal (on disk before the method returns) and then applied;
/// centroids of the people it touches are updated incrementally. Replaying the same journal over the
/// same input gives the same state, undo history included. Thread-safe: one edit or query at a time.
/// </summary>
public sealed class LabelState : IDisposable
{
    private static readonly QueueKind[] MemberKinds =
        [QueueKind.CloserToAnother, QueueKind.SiblingAmbiguous, QueueKind.InGateAlternative, QueueKind.WorstOutliers];

    private readonly object _gate = new();
    private readonly LabelInput _input;
    private readonly Dictionary<string, int> _faceIndex;
    private readonly int[] _person;
    private readonly bool[] _reviewed;
    private readonly List<PersonEntry> _people = [];
    private readonly PersonCentroids _centroids;
    private readonly Stack<Action> _undo = new();
    private readonly LabelJournal? _journal;
    private readonly NearestOthers _nearest;
    private int _version;
    private Members? _members;
    private (int Version, int[] Counts)? _suspicious;

    /// <param name="journal">Where live edits are appended; null keeps them in memory only.</param>
    /// <param name="replay">Entries read from the journal, applied before anything else.</param>
    public LabelState(LabelInput input, LabelOptions options, LabelJournal? journal = null, IReadOnlyList<LabelEdit>? replay = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        Options = (options ?? throw new ArgumentNullException(nameof(options))).Validate();
        if (input.Persons.Length != input.FaceIds.Count || input.Embeddings.Count != input.FaceIds.Count)
        {
            throw new FaceEvalException(ErrorKind.DimensionMismatch,
                $"{input.FaceIds.Count} faces, {input.Persons.Length} labels, {input.Embeddings.Count} embeddings");
        }

        _input = input;
        _faceIndex = new Dictionary<string, int>(input.FaceIds.Count, StringComparer.Ordinal);
        for (var i = 0; i < input.FaceIds.Count; i++)
        {
            _faceIndex[input.FaceIds[i]] = i;
        }

        _person = (int[])input.Persons.Clone();
        _reviewed = new bool[_person.Length];
        if (_person.Any(p => p < -1 || p >= input.People.Count))
        {
            throw new FaceEvalException(ErrorKind.InvalidData, $"a face's person index is outside the {input.People.Count} people");
        }

        _centroids = new PersonCentroids(input.Embeddings, input.People.Count, _person);
        _nearest = new NearestOthers(_centroids, _person);
        foreach (var label in input.People)
        {
            _people.Add(new PersonEntry(label, fresh: false));
        }

        var entry = 0;
        foreach (var edit in replay ?? [])
        {
            entry++;
            try
            {
                Check(edit);
            }
            catch (FaceEvalException ex)
            {
                throw new FaceEvalException(ErrorKind.InvalidData, $"journal entry {entry} does not apply to this snapshot: {ex.Message}");
            }

            Apply(edit);
            JournalEntries++;
        }

        _journal = journal;
    }

    public LabelOptions Options { get; }

    /// <summary>Entries applied so far (replayed and live, undos included).</summary>
    public int JournalEntries { get; private set; }

    /// <summary>Edits in effect: applied and not undone.</summary>
    public int EditCount
    {
        get
        {
            lock (_gate)
            {
                return _undo.Count;
            }
        }
    }

    public int FaceCount => _person.Length;

    /// <summary>Row of a face id, or -1.</summary>
    public int IndexOf(string faceId) => _faceIndex.TryGetValue(faceId, out var i) ? i : -1;

    /// <summary>People that have faces, in id order.</summary>
    public IReadOnlyList<PersonSummary> People()
    {
        lock (_gate)
        {
            var suspicious = SuspiciousCounts();
            return Enumerable.Range(0, _people.Count).Where(p => _people[p].Active && _centroids.Faces(p) > 0).Select(p => Summary(p, suspicious)).ToArray();
        }
    }

    /// <summary>An active person (faces or not), or null.</summary>
    public PersonSummary? Person(int id)
    {
        lock (_gate)
        {
            return IsActive(id) ? Summary(id, SuspiciousCounts()) : null;
        }
    }

    /// <summary>An active person by exact label, else by numeric id; null when neither matches.</summary>
    public int? ResolvePerson(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        lock (_gate)
        {
            for (var p = 0; p < _people.Count; p++)
            {
                if (_people[p].Active && string.Equals(_people[p].Label, reference, StringComparison.Ordinal))
                {
                    return p;
                }
            }

            return int.TryParse(reference, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && IsActive(id)
                ? id
                : null;
        }
    }

    /// <summary>The face with its own distance and nearest candidates, or null for an unknown id.</summary>
    public FaceView? Face(string faceId)
    {
        lock (_gate)
        {
            var f = IndexOf(faceId);
            return f < 0 ? null : Views([f])[0];
        }
    }

    /// <summary>The current label of every face in input order (null = unassigned).</summary>
    public string?[] Labels()
    {
        lock (_gate)
        {
            return _person.Select(p => p < 0 ? null : _people[p].Label).ToArray();
        }
    }

    /// <summary>The current label of a person, following merges; null when it was removed without a successor.</summary>
    public string? Successor(int person)
    {
        lock (_gate)
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
    }

    /// <summary>
    /// A person's queue, most suspicious first, at most <see cref="LabelOptions.QueueLimit"/> faces.
    /// Reviewed faces (accepted, moved, unassigned by hand) never reappear. Ties go to face order.
    /// </summary>
    public IReadOnlyList<FaceView> Queue(int person, QueueKind kind)
    {
        lock (_gate)
        {
            if (!IsActive(person))
            {
                throw new FaceEvalException(ErrorKind.UnknownName, $"no person {person}");
            }

            var hits = new List<(double Key, int Face)>();
            if (kind == QueueKind.Unassigned)
            {
                var (best, distance, _) = _nearest.Refresh(Usable());
                for (var f = 0; f < _person.Length; f++)
                {
                    if (!_reviewed[f] && _person[f] < 0 && best[f] == person)
                    {
                        hits.Add((distance[f], f));
                    }
                }
            }
            else
            {
                var members = MembersOf(person);
                for (var i = 0; i < members.Faces.Length; i++)
                {
                    var (f, own, other) = (members.Faces[i], members.Own[i], members.Other[i]);
                    if (_reviewed[f])
                    {
                        continue;
                    }

                    var key = MemberKey(kind, own, other);
                    if (!double.IsNaN(key))
                    {
                        hits.Add((kind == QueueKind.CloserToAnother ? -key : key, f));
                    }
                }
            }

            return Views(hits.OrderBy(h => h.Key).ThenBy(h => h.Face).Take(Options.QueueLimit).Select(h => h.Face).ToArray());
        }
    }

    /// <summary>
    /// Finds every face's nearest other person now; otherwise the first people list or queue pays for it
    /// (all 14,640 faces x 2,088 people of FIW, one search on two cores).
    /// </summary>
    public void Prepare()
    {
        lock (_gate)
        {
            SuspiciousCounts();
        }
    }

    /// <summary>Moves a face to an existing person (moving to its own person accepts it).</summary>
    public void Move(string faceId, int person) => Edit(new LabelEdit(EditKind.Move, faceId, person));

    /// <summary>Moves a face to a new person with a fresh label; returns the new person's id.</summary>
    public int NewPerson(string faceId)
    {
        lock (_gate)
        {
            var id = _people.Count;
            Edit(new LabelEdit(EditKind.NewPerson, faceId, id, Name: FreshLabel()));
            return id;
        }
    }

    /// <summary>Takes a face out of every person (not a face, or a stranger).</summary>
    public void Unassign(string faceId) => Edit(new LabelEdit(EditKind.Unassign, faceId));

    /// <summary>Marks a face as reviewed where it is, so it leaves the queues.</summary>
    public void Accept(string faceId) => Edit(new LabelEdit(EditKind.Accept, faceId));

    public void Rename(int person, string name) => Edit(new LabelEdit(EditKind.Rename, Person: person, Name: name));

    /// <summary>Moves every face of <paramref name="from"/> into <paramref name="into"/>; <paramref name="from"/> disappears.</summary>
    public void Merge(int from, int into) => Edit(new LabelEdit(EditKind.Merge, Person: from, Into: into));

    /// <summary>Reverts the latest edit in effect; false (and nothing journaled) when there is none.</summary>
    public bool Undo()
    {
        lock (_gate)
        {
            if (_undo.Count == 0)
            {
                return false;
            }

            Edit(new LabelEdit(EditKind.Undo));
            return true;
        }
    }

    public void Dispose() => _journal?.Dispose();

    private void Edit(LabelEdit edit)
    {
        lock (_gate)
        {
            Check(edit);
            _journal?.Append(edit);
            Apply(edit);
            JournalEntries++;
        }
    }

    private void Check(LabelEdit edit)
    {
        switch (edit.Kind)
        {
            case EditKind.Move:
                FaceOf(edit);
                ActiveOf(edit.Person);
                break;
            case EditKind.NewPerson:
                FaceOf(edit);
                if (edit.Person != _people.Count || string.IsNullOrWhiteSpace(edit.Name) || LabelInUse(edit.Name, -1))
                {
                    throw new FaceEvalException(ErrorKind.InvalidData, $"new person {edit.Person} '{edit.Name}' is not the next fresh person");
                }

                break;
            case EditKind.Unassign:
            case EditKind.Accept:
                FaceOf(edit);
                break;
            case EditKind.Undo:
                if (_undo.Count == 0)
                {
                    throw new FaceEvalException(ErrorKind.Usage, "nothing to undo");
                }

                break;
            case EditKind.Rename:
                var person = ActiveOf(edit.Person);
                var name = edit.Name ?? "";
                if (name.Length == 0 || name.Trim() != name || name.Any(char.IsControl))
                {
                    throw new FaceEvalException(ErrorKind.Usage, $"'{name}' is not a usable name: empty, surrounding spaces or control characters");
                }

                if (LabelInUse(name, person))
                {
                    throw new FaceEvalException(ErrorKind.Usage, $"another person is already called '{name}'; merge them instead");
                }

                break;
            case EditKind.Merge:
                var from = ActiveOf(edit.Person);
                var into = ActiveOf(edit.Into);
                if (from == into)
                {
                    throw new FaceEvalException(ErrorKind.Usage, "cannot merge a person into itself");
                }

                break;
            default:
                throw new FaceEvalException(ErrorKind.InvalidData, $"unknown edit kind {edit.Kind}");
        }
    }

    private void Apply(LabelEdit edit)
    {
        _version++;
        switch (edit.Kind)
        {
            case EditKind.Move:
                _undo.Push(SetFace(FaceOf(edit), edit.Person!.Value));
                break;
            case EditKind.NewPerson:
                _people.Add(new PersonEntry(edit.Name!, fresh: true));
                _centroids.AddPerson();
                var restore = SetFace(FaceOf(edit), edit.Person!.Value);
                var created = _people[^1];
                _undo.Push(() =>
                {
                    restore();
                    created.Active = false; // the id stays taken so later journal entries keep their meaning
                    _nearest.PersonChanged(_people.IndexOf(created));
                });
                break;
            case EditKind.Unassign:
                _undo.Push(SetFace(FaceOf(edit), -1));
                break;
            case EditKind.Accept:
                var face = FaceOf(edit);
                var was = _reviewed[face];
                _reviewed[face] = true;
                _undo.Push(() => _reviewed[face] = was);
                break;
            case EditKind.Undo:
                _undo.Pop()();
                break;
            case EditKind.Rename:
                var entry = _people[edit.Person!.Value];
                var (label, fresh) = (entry.Label, entry.Fresh);
                (entry.Label, entry.Fresh) = (edit.Name!, false);
                _undo.Push(() => (entry.Label, entry.Fresh) = (label, fresh));
                break;
            case EditKind.Merge:
                var (from, into) = (edit.Person!.Value, edit.Into!.Value);
                var moved = Enumerable.Range(0, _person.Length).Where(f => _person[f] == from).ToArray();
                foreach (var f in moved)
                {
                    Assign(f, into);
                }

                (_people[from].Active, _people[from].MergedInto) = (false, into);
                _undo.Push(() =>
                {
                    (_people[from].Active, _people[from].MergedInto) = (true, null);
                    foreach (var f in moved)
                    {
                        Assign(f, from);
                    }
                });
                break;
        }
    }

    /// <summary>Puts a face with a person (-1 = none), marks it reviewed, and returns how to put it back.</summary>
    private Action SetFace(int face, int person)
    {
        var (before, reviewed) = (_person[face], _reviewed[face]);
        Assign(face, person);
        _reviewed[face] = true;
        return () =>
        {
            Assign(face, before);
            _reviewed[face] = reviewed;
        };
    }

    private void Assign(int face, int person)
    {
        var old = _person[face];
        if (old == person)
        {
            return;
        }

        _nearest.FaceMoved(face, old, person);
        if (old >= 0)
        {
            _centroids.Remove(old, face);
        }

        if (person >= 0)
        {
            _centroids.Add(person, face);
        }

        _person[face] = person;
    }

    /// <summary>
    /// The queue key of a member face for one of the four member queues (NaN = not in it): a face is in
    /// a queue exactly when this is a number, for the queue itself and for the suspicious counts alike.
    /// </summary>
    private double MemberKey(QueueKind kind, double own, double other) => kind switch
    {
        QueueKind.CloserToAnother => other < own ? own - other : double.NaN,
        QueueKind.SiblingAmbiguous => other >= own && other - own <= Options.SiblingMargin ? other - own : double.NaN,
        QueueKind.InGateAlternative => other <= Options.Gate ? other : double.NaN,
        QueueKind.WorstOutliers => own >= Options.OutlierDistance ? -own : double.NaN,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>
    /// Per person id: its distinct suspicious faces, i.e. the faces of its five queues counted once each
    /// and without the queue limit: its unreviewed faces in any member queue plus the unreviewed
    /// unassigned faces nearest to it. One pass over the faces on the shared nearest-other search.
    /// </summary>
    private int[] SuspiciousCounts()
    {
        if (_suspicious is { } cached && cached.Version == _version)
        {
            return cached.Counts;
        }

        var (best, distance, ownDistances) = _nearest.Refresh(Usable());
        var counts = new int[_people.Count];
        for (var f = 0; f < _person.Length; f++)
        {
            var own = _person[f];
            if (_reviewed[f])
            {
                continue;
            }

            if (own < 0)
            {
                if (best[f] >= 0)
                {
                    counts[best[f]]++;
                }

                continue;
            }

            foreach (var kind in MemberKinds)
            {
                if (!double.IsNaN(MemberKey(kind, ownDistances[f], distance[f])))
                {
                    counts[own]++;
                    break;
                }
            }
        }

        _suspicious = (_version, counts);
        return counts;
    }

    /// <summary>
    /// Each face of a person with its distance to its own centroid and to the nearest other person
    /// (from the shared search), kept until the next edit (the four member queues share it).
    /// </summary>
    private Members MembersOf(int person)
    {
        if (_members is { } cached && cached.Person == person && cached.Version == _version)
        {
            return cached;
        }

        var faces = Enumerable.Range(0, _person.Length).Where(f => _person[f] == person).ToArray();
        var (_, nearest, ownDistances) = _nearest.Refresh(Usable());
        var otherDistance = faces.Select(f => nearest[f]).ToArray();
        var own = faces.Select(f => ownDistances[f]).ToArray();
        _members = new Members(person, _version, faces, own, otherDistance);
        return _members;
    }

    /// <summary>Faces as the API shows them: own person and distance, and the nearest other people as candidates.</summary>
    private FaceView[] Views(IReadOnlyList<int> faces)
    {
        var k = Options.Candidates;
        var (candidates, distances) = _centroids.Nearest(faces, k, Usable(), faces.Select(f => _person[f]).ToArray());
        var views = new FaceView[faces.Count];
        for (var i = 0; i < faces.Count; i++)
        {
            var face = faces[i];
            var own = _person[face];
            var top = Enumerable.Range(i * k, k).Where(j => candidates[j] >= 0)
                .Select(j => new Candidate(candidates[j], _people[candidates[j]].Label, Math.Round(distances[j], 6)))
                .OrderBy(c => c.Distance).ThenBy(c => c.PersonId).ToArray();
            views[i] = new FaceView(_input.FaceIds[face], own < 0 ? null : _people[own].Label, own < 0 ? null : own,
                own < 0 ? null : Math.Round(_centroids.Distance(face, own), 6), top, _reviewed[face]);
        }

        return views;
    }

    /// <summary>Which person ids can be anyone's nearest person: active, with faces.</summary>
    private bool[] Usable()
    {
        var usable = new bool[_people.Count];
        for (var p = 0; p < usable.Length; p++)
        {
            usable[p] = _people[p].Active && _centroids.Faces(p) > 0;
        }

        return usable;
    }

    private PersonSummary Summary(int p, int[] suspicious) =>
        new(p, _people[p].Label, !_people[p].Fresh, _centroids.Faces(p), Math.Round(_centroids.Cohesion(p), 6), suspicious[p]);

    private bool IsActive(int id) => id >= 0 && id < _people.Count && _people[id].Active;

    private int FaceOf(LabelEdit edit) =>
        edit.Face is not null && _faceIndex.TryGetValue(edit.Face, out var f) ? f
        : throw new FaceEvalException(ErrorKind.UnknownName, $"no face '{edit.Face}'");

    private int ActiveOf(int? person) =>
        person is { } p && IsActive(p) ? p : throw new FaceEvalException(ErrorKind.UnknownName, $"no person {person}");

    private bool LabelInUse(string label, int except) =>
        _people.Where((e, i) => i != except && e.Active).Any(e => string.Equals(e.Label, label, StringComparison.Ordinal));

    /// <summary>The first <c>new-N</c> not used by any person, past or present, so labels are never reused.</summary>
    private string FreshLabel()
    {
        for (var k = _people.Count(e => e.Fresh) + 1; ; k++)
        {
            var label = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"new-{k}");
            if (!_people.Any(e => string.Equals(e.Label, label, StringComparison.Ordinal)))
            {
                return label;
            }
        }
    }

    private sealed record Members(int Person, int Version, int[] Faces, double[] Own, double[] Other);

    private sealed class PersonEntry(string label, bool fresh)
    {
        public string Label { get; set; } = label;

        public bool Fresh { get; set; } = fresh;

        public bool Active { get; set; } = true;

        public int? MergedInto { get; set; }
    }
}
