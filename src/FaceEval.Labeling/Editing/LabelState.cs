using FaceEval.Core.Errors;
using FaceEval.Labeling.Journal;

namespace FaceEval.Labeling.Editing;

/// <summary>
/// The labels being edited: the snapshot's labels plus every journal entry, applied in order. This is
/// the one place where edits are locked and journaled: each is checked, written to the journal (on
/// disk before the method returns) and only then applied, all under one lock, so an edit the journal
/// refused never takes effect. What the state is made of lives elsewhere: the edits with their undo
/// (<see cref="LabelEdits"/>), the nearest-person index they keep in step (<c>Nearest/</c>) and the
/// suspect queues read from both (<see cref="SuspectQueues"/>). Replaying the same journal over the
/// same input gives the same state, undo history included. Thread-safe: one edit or query at a time.
/// </summary>
public sealed class LabelState : IDisposable
{
    private readonly object _gate = new();
    private readonly LabelEdits _edits;
    private readonly SuspectQueues _queues;
    private readonly LabelJournal? _journal;

    /// <param name="journal">Where live edits are appended; null keeps them in memory only.</param>
    /// <param name="replay">Entries read from the journal, applied before anything else.</param>
    public LabelState(LabelInput input, LabelOptions options, LabelJournal? journal = null, IReadOnlyList<LabelEdit>? replay = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        Options = (options ?? throw new ArgumentNullException(nameof(options))).Validate();
        _edits = new LabelEdits(input);
        _queues = new SuspectQueues(_edits, Options);
        var entry = 0;
        foreach (var edit in replay ?? [])
        {
            entry++;
            try
            {
                _edits.Check(edit);
            }
            catch (FaceEvalException ex)
            {
                throw new FaceEvalException(ErrorKind.InvalidData, $"journal entry {entry} does not apply to this snapshot: {ex.Message}");
            }

            _edits.Apply(edit);
            JournalEntries++;
        }

        _journal = journal;
    }

    public LabelOptions Options { get; }

    /// <summary>Entries applied so far (replayed and live, undos included).</summary>
    public int JournalEntries { get; private set; }

    /// <summary>Edits in effect: applied and not undone.</summary>
    public int EditCount => Locked(() => _edits.InEffect);

    public int FaceCount => _edits.FaceCount;

    /// <summary>Row of a face id, or -1.</summary>
    public int IndexOf(string faceId) => _edits.IndexOf(faceId);

    /// <summary>People that have faces, in id order.</summary>
    public IReadOnlyList<PersonSummary> People() => Locked(() =>
    {
        var suspicious = _queues.SuspiciousCounts();
        var usable = _edits.Usable();
        return Enumerable.Range(0, usable.Length).Where(p => usable[p]).Select(p => Summary(p, suspicious)).ToArray();
    });

    /// <summary>An active person (faces or not), or null.</summary>
    public PersonSummary? Person(int id) => Locked(() => _edits.People.IsActive(id) ? Summary(id, _queues.SuspiciousCounts()) : null);

    /// <summary>An active person by exact label, else by numeric id; null when neither matches.</summary>
    public int? ResolvePerson(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return Locked(() => _edits.People.Resolve(reference));
    }

    /// <summary>The face with its own distance and nearest candidates, or null for an unknown id.</summary>
    public FaceView? Face(string faceId) => Locked(() =>
    {
        var f = IndexOf(faceId);
        return f < 0 ? null : Views([f])[0];
    });

    /// <summary>The current label of every face in input order (null = unassigned).</summary>
    public string?[] Labels() => Locked(() =>
    {
        var persons = _edits.Persons;
        var labels = new string?[persons.Length];
        for (var f = 0; f < labels.Length; f++)
        {
            labels[f] = persons[f] < 0 ? null : _edits.People[persons[f]].Label;
        }

        return labels;
    });

    /// <summary>The current label of a person, following merges; null when it was removed without a successor.</summary>
    public string? Successor(int person) => Locked(() => _edits.People.Successor(person));

    /// <summary>
    /// A person's queue, most suspicious first, at most <see cref="LabelOptions.QueueLimit"/> faces.
    /// Reviewed faces (accepted, moved, unassigned by hand) never reappear. Ties go to face order.
    /// </summary>
    public IReadOnlyList<FaceView> Queue(int person, QueueKind kind) => Locked(() =>
        _edits.People.IsActive(person)
            ? Views(_queues.Queue(person, kind))
            : throw new FaceEvalException(ErrorKind.UnknownName, $"no person {person}"));

    /// <summary>
    /// Finds every face's nearest other person now; otherwise the first people list or queue pays for it
    /// (all 14,640 faces x 2,088 people of FIW, one search on two cores).
    /// </summary>
    public void Prepare() => Locked(_queues.SuspiciousCounts);

    /// <summary>Moves a face to an existing person (moving to its own person accepts it).</summary>
    public void Move(string faceId, int person) => Edit(_ => new LabelEdit(EditKind.Move, faceId, person));

    /// <summary>Moves a face to a new person with a fresh label; returns the new person's id.</summary>
    public int NewPerson(string faceId)
    {
        var id = -1;
        Edit(edits =>
        {
            id = edits.People.Count;
            return new LabelEdit(EditKind.NewPerson, faceId, id, Name: edits.People.FreshLabel());
        });
        return id;
    }

    /// <summary>Takes a face out of every person (not a face, or a stranger).</summary>
    public void Unassign(string faceId) => Edit(_ => new LabelEdit(EditKind.Unassign, faceId));

    /// <summary>Marks a face as reviewed where it is, so it leaves the queues.</summary>
    public void Accept(string faceId) => Edit(_ => new LabelEdit(EditKind.Accept, faceId));

    public void Rename(int person, string name) => Edit(_ => new LabelEdit(EditKind.Rename, Person: person, Name: name));

    /// <summary>Moves every face of <paramref name="from"/> into <paramref name="into"/>; <paramref name="from"/> disappears.</summary>
    public void Merge(int from, int into) => Edit(_ => new LabelEdit(EditKind.Merge, Person: from, Into: into));

    /// <summary>Reverts the latest edit in effect; false (and nothing journaled) when there is none.</summary>
    public bool Undo() => Edit(edits => edits.InEffect == 0 ? null : new LabelEdit(EditKind.Undo));

    public void Dispose() => _journal?.Dispose();

    private T Locked<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }

    /// <summary>
    /// The only way a live edit takes effect. <paramref name="make"/> reads the state the edit is made
    /// against (a new person's id, whether there is anything to undo) under the same lock as the rest,
    /// null meaning nothing to do; a refused check or journal write throws before anything changed.
    /// </summary>
    private bool Edit(Func<LabelEdits, LabelEdit?> make)
    {
        lock (_gate)
        {
            if (make(_edits) is not { } edit)
            {
                return false;
            }

            _edits.Check(edit);
            _journal?.Append(edit);
            _edits.Apply(edit);
            JournalEntries++;
            return true;
        }
    }

    /// <summary>Faces as the API shows them: own person and distance, and the nearest other people as candidates.</summary>
    private FaceView[] Views(IReadOnlyList<int> faces)
    {
        var (k, nearest, people) = (Options.Candidates, _edits.Nearest, _edits.People);
        var owners = new int[faces.Count];
        for (var i = 0; i < owners.Length; i++)
        {
            owners[i] = _edits.Persons[faces[i]];
        }

        var (candidates, distances) = nearest.Nearest(faces, k, _edits.Usable(), owners);
        var views = new FaceView[faces.Count];
        for (var i = 0; i < faces.Count; i++)
        {
            var (face, own) = (faces[i], owners[i]);
            var top = Enumerable.Range(i * k, k).Where(j => candidates[j] >= 0)
                .Select(j => new Candidate(candidates[j], people[candidates[j]].Label, Math.Round(distances[j], 6)))
                .OrderBy(c => c.Distance).ThenBy(c => c.PersonId).ToArray();
            views[i] = new FaceView(_edits.FaceIds[face], own < 0 ? null : people[own].Label, own < 0 ? null : own,
                own < 0 ? null : Math.Round(nearest.Distance(face, own), 6), top, _edits.Reviewed[face]);
        }

        return views;
    }

    private PersonSummary Summary(int p, int[] suspicious)
    {
        var entry = _edits.People[p];
        return new(p, entry.Label, !entry.Fresh, _edits.Nearest.Faces(p), Math.Round(_edits.Nearest.Cohesion(p), 6), suspicious[p]);
    }
}
