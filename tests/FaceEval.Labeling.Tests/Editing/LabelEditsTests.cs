using FaceEval.Core.Errors;
using FaceEval.Labeling.Editing;
using static FaceEval.Labeling.Tests.LabelFixture;

namespace FaceEval.Labeling.Tests.Editing;

/// <summary>
/// Each kind of edit, its undo, and the edits refused before anything changes.
/// </summary>
public sealed class LabelEditsTests
{
    [Fact]
    public void Moving_a_face_updates_centroids_and_queues_and_undo_restores_them()
    {
        using var state = State();
        var before = Describe(state);
        state.Move("aX", 1);

        Assert.Equal("B", state.Face("aX")!.Person);
        Assert.Equal(0, state.People()[0].Cohesion, 5); // A is left with three identical faces
        Assert.Empty(state.Queue(0, QueueKind.CloserToAnother));
        Assert.Empty(state.Queue(0, QueueKind.WorstOutliers));
        Assert.DoesNotContain("aX", Ids(state.Queue(1, QueueKind.InGateAlternative))); // reviewed faces leave every queue
        Assert.Equal(1, state.EditCount);

        Assert.True(state.Undo());
        Assert.Equal(before, Describe(state));
        Assert.Equal(0, state.EditCount);
        Assert.False(state.Undo());
    }

    [Fact]
    public void New_person_gets_a_fresh_label_and_unassign_takes_a_face_out()
    {
        using var state = State();
        var id = state.NewPerson("u1");
        Assert.Equal(5, id);
        Assert.Equal("new-1", state.Face("u1")!.Person);
        Assert.False(state.Person(id)!.Named);
        Assert.Empty(state.Queue(0, QueueKind.Unassigned));

        state.Unassign("bO");
        Assert.Null(state.Face("bO")!.Person);
        Assert.DoesNotContain("bO", Ids(state.Queue(1, QueueKind.Unassigned)));
        Assert.DoesNotContain("bO", Ids(state.Queue(1, QueueKind.WorstOutliers)));
        Assert.Equal(5, state.People()[1].Faces);

        state.Undo();
        state.Undo();
        Assert.Null(state.Face("u1")!.Person);
        Assert.Null(state.Person(id));
        Assert.Equal(6, state.NewPerson("u2")); // 5 stays taken by the undone person
        Assert.Equal("new-2", state.Face("u2")!.Person);
    }

    [Fact]
    public void Rename_and_merge_and_their_undo()
    {
        using var state = State();
        state.Rename(3, "Dora");
        Assert.Equal("Dora", state.Face("d1")!.Person);
        Assert.Equal(3, state.ResolvePerson("Dora"));
        Assert.Equal(3, state.ResolvePerson("3"));
        Assert.Null(state.ResolvePerson("D"));
        Assert.Equal(ErrorKind.Usage, Assert.Throws<FaceEvalException>(() => state.Rename(3, "B")).Kind);
        Assert.Equal(ErrorKind.Usage, Assert.Throws<FaceEvalException>(() => state.Rename(3, " x")).Kind);

        state.Merge(4, 3);
        Assert.Equal("Dora", state.Face("e1")!.Person);
        Assert.Null(state.Person(4));
        Assert.Equal(7, state.Person(3)!.Faces);
        Assert.Equal("Dora", state.Successor(4));
        Assert.Equal(ErrorKind.UnknownName, Assert.Throws<FaceEvalException>(() => state.Move("a1", 4)).Kind);

        state.Undo();
        Assert.Equal("E", state.Face("e1")!.Person);
        Assert.Equal(4, state.Person(3)!.Faces);
        state.Undo();
        Assert.Equal("D", state.Face("d1")!.Person);
        Assert.Equal(0, state.EditCount);
        Assert.Equal(4, state.JournalEntries);
    }

    [Fact]
    public void Unknown_faces_and_people_are_refused_before_anything_changes()
    {
        using var state = State();
        Assert.Equal(ErrorKind.UnknownName, Assert.Throws<FaceEvalException>(() => state.Move("zz", 0)).Kind);
        Assert.Equal(ErrorKind.UnknownName, Assert.Throws<FaceEvalException>(() => state.Move("a1", 99)).Kind);
        Assert.Equal(ErrorKind.UnknownName, Assert.Throws<FaceEvalException>(() => state.Queue(99, QueueKind.WorstOutliers)).Kind);
        Assert.Equal(ErrorKind.Usage, Assert.Throws<FaceEvalException>(() => state.Merge(1, 1)).Kind);
        Assert.Equal(0, state.JournalEntries);
    }
}
