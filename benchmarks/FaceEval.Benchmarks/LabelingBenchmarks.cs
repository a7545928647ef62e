using BenchmarkDotNet.Attributes;
using FaceEval.Core.Snapshots;
using FaceEval.Labeling.Editing;

namespace FaceEval.Benchmarks;

/// <summary>
/// The labelling tool's work on the FIW snapshot (about 15,000 faces, 2,000 people, 3,500 unlabelled):
/// loading the snapshot as <c>faceeval label</c> does, building the label state (centroids and their
/// search index), finding the nearest other person of every face, labelled or not (the one large search
/// of start-up, which the suspicious counts and every queue read), and one keystroke as the page sees it:
/// a face moved, the person list and the five queues of its person read again, the move undone.
/// </summary>
[RequiresFiwSnapshot]
[WarmupCount(1)]
[IterationCount(5)]
public class LabelingBenchmarks
{
    private LabelInput _input = null!;
    private LabelState _state = null!;
    private string _face = "";
    private int _person;
    private int _other;

    [GlobalSetup]
    public void Setup()
    {
        if (!FiwSnapshot.Exists)
        {
            throw new InvalidOperationException(FiwSnapshot.MissingMessage);
        }

        _input = LabelInput.From(Snapshot.Load(FiwSnapshot.Directory), FiwSnapshot.Model);
        _state = new LabelState(_input, new LabelOptions());
        _state.Prepare();
        var people = _state.People().OrderByDescending(p => p.Faces).ToArray();
        (_person, _other) = (people[0].Id, people[1].Id);
        _face = _state.Queue(_person, QueueKind.WorstOutliers).FirstOrDefault()?.Id
            ?? _input.FaceIds[Array.IndexOf(_input.Persons, _person)];
    }

    [GlobalCleanup]
    public void Cleanup() => _state.Dispose();

    [Benchmark]
    public LabelInput LoadSnapshot() => LabelInput.From(Snapshot.Load(FiwSnapshot.Directory), FiwSnapshot.Model);

    [Benchmark]
    public int BuildState()
    {
        using var state = new LabelState(_input, new LabelOptions());
        return state.FaceCount;
    }

    [Benchmark]
    public int BuildStateAndFindNearestPeople()
    {
        using var state = new LabelState(_input, new LabelOptions());
        state.Prepare();
        return state.FaceCount;
    }

    [Benchmark]
    public int EditAndRefresh()
    {
        _state.Move(_face, _other);
        var seen = _state.People().Count;
        foreach (var kind in Enum.GetValues<QueueKind>())
        {
            seen += _state.Queue(_person, kind).Count;
        }

        _state.Undo();
        return seen;
    }
}
