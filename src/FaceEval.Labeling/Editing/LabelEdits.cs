using FaceEval.Core.Errors;
using FaceEval.Labeling.Editing.Nearest;

namespace FaceEval.Labeling.Editing;

/// <summary>
/// The labelling's state machine: who each face belongs to, which faces were reviewed, the people, and
/// how to undo every edit in effect. <see cref="Check"/> refuses an edit without changing anything;
/// <see cref="Apply"/> then cannot fail, so whoever journals an edit between the two never records one
/// that does not take. Every change of a face's person goes through the nearest-person index, which
/// keeps the centroids in step. Not thread-safe and not journaled: <see cref="LabelState"/> does both.
/// </summary>
internal sealed class LabelEdits
{
    private readonly Dictionary<string, int> _faceIndex;
    private readonly int[] _person;
    private readonly bool[] _reviewed;
    private readonly Stack<Action> _undo = new();

    public LabelEdits(LabelInput input)
    {
        if (input.Persons.Length != input.FaceIds.Count || input.Embeddings.Count != input.FaceIds.Count)
        {
            throw new FaceEvalException(ErrorKind.DimensionMismatch,
                $"{input.FaceIds.Count} faces, {input.Persons.Length} labels, {input.Embeddings.Count} embeddings");
        }

        FaceIds = input.FaceIds;
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

        Nearest = new NearestPeople(input.Embeddings, input.People.Count, _person);
        People = new PersonRoster(input.People);
    }

    public IReadOnlyList<string> FaceIds { get; }

    public NearestPeople Nearest { get; }

    public PersonRoster People { get; }

    /// <summary>Changes with every applied entry, so caches of what the edits imply know when they are stale.</summary>
    public int Version { get; private set; }

    /// <summary>Edits in effect: applied and not undone.</summary>
    public int InEffect => _undo.Count;

    public int FaceCount => _person.Length;

    /// <summary>Each face's person (-1 = none).</summary>
    public ReadOnlySpan<int> Persons => _person;

    /// <summary>Faces accepted, moved or unassigned by hand: they leave the queues.</summary>
    public ReadOnlySpan<bool> Reviewed => _reviewed;

    /// <summary>Row of a face id, or -1.</summary>
    public int IndexOf(string faceId) => _faceIndex.TryGetValue(faceId, out var i) ? i : -1;

    /// <summary>Which person ids can be anyone's nearest person: active, with faces.</summary>
    public bool[] Usable()
    {
        var usable = new bool[People.Count];
        for (var p = 0; p < usable.Length; p++)
        {
            usable[p] = People[p].Active && Nearest.Faces(p) > 0;
        }

        return usable;
    }

    /// <summary>Throws (<see cref="ErrorKind.UnknownName"/>, <see cref="ErrorKind.Usage"/>, <see cref="ErrorKind.InvalidData"/>) when the edit cannot be applied now.</summary>
    public void Check(LabelEdit edit)
    {
        switch (edit.Kind)
        {
            case EditKind.Move:
                FaceOf(edit);
                ActiveOf(edit.Person);
                break;
            case EditKind.NewPerson:
                FaceOf(edit);
                if (edit.Person != People.Count || string.IsNullOrWhiteSpace(edit.Name) || People.LabelInUse(edit.Name, -1))
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

                if (People.LabelInUse(name, person))
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

    /// <summary>Applies an edit that passed <see cref="Check"/> and remembers how to undo it.</summary>
    public void Apply(LabelEdit edit)
    {
        Version++;
        switch (edit.Kind)
        {
            case EditKind.Move:
                _undo.Push(SetFace(FaceOf(edit), edit.Person!.Value));
                break;
            case EditKind.NewPerson:
                var created = People.Add(edit.Name!);
                var id = edit.Person!.Value;
                Nearest.AddPerson();
                var restore = SetFace(FaceOf(edit), id);
                _undo.Push(() =>
                {
                    restore();
                    created.Active = false; // the id stays taken so later journal entries keep their meaning
                    Nearest.PersonChanged(id);
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
                var entry = People[edit.Person!.Value];
                var (label, fresh) = (entry.Label, entry.Fresh);
                (entry.Label, entry.Fresh) = (edit.Name!, false);
                _undo.Push(() => (entry.Label, entry.Fresh) = (label, fresh));
                break;
            case EditKind.Merge:
                var (from, into) = (edit.Person!.Value, edit.Into!.Value);
                var moved = FacesOf(from);
                foreach (var f in moved)
                {
                    Assign(f, into);
                }

                (People[from].Active, People[from].MergedInto) = (false, into);
                _undo.Push(() =>
                {
                    (People[from].Active, People[from].MergedInto) = (true, null);
                    foreach (var f in moved)
                    {
                        Assign(f, from);
                    }
                });
                break;
        }
    }

    /// <summary>The faces of a person, in face order.</summary>
    public int[] FacesOf(int person)
    {
        var faces = new List<int>();
        for (var f = 0; f < _person.Length; f++)
        {
            if (_person[f] == person)
            {
                faces.Add(f);
            }
        }

        return [.. faces];
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

        Nearest.Move(face, old, person);
        _person[face] = person;
    }

    private int FaceOf(LabelEdit edit) =>
        edit.Face is not null && _faceIndex.TryGetValue(edit.Face, out var f) ? f
        : throw new FaceEvalException(ErrorKind.UnknownName, $"no face '{edit.Face}'");

    private int ActiveOf(int? person) =>
        person is { } p && People.IsActive(p) ? p : throw new FaceEvalException(ErrorKind.UnknownName, $"no person {person}");
}
