using FaceEval.Core.Errors;
using FaceEval.Labeling.Editing;
using static FaceEval.Labeling.Tests.LabelFixture;

namespace FaceEval.Labeling.Tests.Editing;

public sealed class LabelStateQueueTests
{
    [Theory]
    [InlineData("A", QueueKind.CloserToAnother, "aX")]
    [InlineData("A", QueueKind.SiblingAmbiguous, "")]
    [InlineData("A", QueueKind.InGateAlternative, "aX")]
    [InlineData("A", QueueKind.WorstOutliers, "aX")]
    [InlineData("A", QueueKind.Unassigned, "u1")]
    [InlineData("B", QueueKind.CloserToAnother, "")]
    [InlineData("B", QueueKind.SiblingAmbiguous, "")]
    [InlineData("B", QueueKind.InGateAlternative, "")]
    [InlineData("B", QueueKind.WorstOutliers, "bO,bP")]
    [InlineData("B", QueueKind.Unassigned, "u2")]
    [InlineData("C", QueueKind.CloserToAnother, "")]
    [InlineData("C", QueueKind.SiblingAmbiguous, "")]
    [InlineData("C", QueueKind.InGateAlternative, "cG")]
    [InlineData("C", QueueKind.WorstOutliers, "")]
    [InlineData("C", QueueKind.Unassigned, "u3")]
    [InlineData("D", QueueKind.CloserToAnother, "")]
    [InlineData("D", QueueKind.SiblingAmbiguous, "dS")]
    [InlineData("D", QueueKind.InGateAlternative, "dS")]
    [InlineData("D", QueueKind.WorstOutliers, "")]
    [InlineData("D", QueueKind.Unassigned, "")]
    [InlineData("E", QueueKind.CloserToAnother, "")]
    [InlineData("E", QueueKind.SiblingAmbiguous, "")]
    [InlineData("E", QueueKind.InGateAlternative, "")]
    [InlineData("E", QueueKind.WorstOutliers, "")]
    [InlineData("E", QueueKind.Unassigned, "")]
    public void Each_queue_holds_exactly_the_designed_faces(string person, QueueKind kind, string expected)
    {
        using var state = State();
        var queue = state.Queue(state.ResolvePerson(person)!.Value, kind);
        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), Ids(queue));
    }

    [Fact]
    public void A_smaller_sibling_margin_empties_the_sibling_queue()
    {
        using var state = new LabelState(Input(), new LabelOptions(SiblingMargin: 0.03));
        Assert.Empty(state.Queue(3, QueueKind.SiblingAmbiguous));
        Assert.Equal(["dS"], Ids(state.Queue(3, QueueKind.InGateAlternative)));
    }

    [Fact]
    public void Face_view_names_the_snapshot_label_and_nearest_candidates()
    {
        using var state = State();
        var face = state.Face("aX")!;
        Assert.Equal("A", face.Person);
        Assert.Equal("B", face.Candidates[0].Person);
        Assert.True(face.Candidates[0].Distance < face.Distance);
        Assert.Equal(4, face.Candidates.Count);
        Assert.DoesNotContain(face.Candidates, c => c.Person == "A");
        Assert.True(face.Candidates.Zip(face.Candidates.Skip(1)).All(p => p.First.Distance <= p.Second.Distance));
        Assert.Null(state.Face("u1")!.Person);
        Assert.Null(state.Face("u1")!.Distance);
        Assert.Null(state.Face("nope"));
    }

    [Fact]
    public void People_list_counts_and_cohesion()
    {
        using var state = State();
        var people = state.People();
        Assert.Equal(["A", "B", "C", "D", "E"], people.Select(p => p.Label));
        Assert.Equal([4, 6, 4, 4, 3], people.Select(p => p.Faces));
        Assert.Equal(0, people[4].Cohesion, 6); // E's three faces are identical
        Assert.True(people[1].Cohesion > people[0].Cohesion); // B has two outliers
        Assert.All(people, p => Assert.True(p.Named));
    }

    [Fact]
    public void Suspicious_counts_are_the_distinct_faces_of_the_five_queues()
    {
        // By design (see LabelFixture): A has aX (in three queues, counted once) and u1; B bO, bP and u2;
        // C cG and u3; D dS (in two queues); E nothing.
        using var state = State();
        Assert.Equal([2, 3, 2, 1, 0], state.People().Select(p => p.Suspicious));

        state.Move("aX", 1); // reviewed: aX leaves every queue, and A's centroid moves back onto a1..a3
        Assert.Equal([1, 3, 2, 1, 0], state.People().Select(p => p.Suspicious));
        state.Accept("bO");
        Assert.Equal(2, state.Person(1)!.Suspicious);
        state.Undo();
        state.Undo();
        Assert.Equal([2, 3, 2, 1, 0], state.People().Select(p => p.Suspicious));
    }

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
    public void Accept_removes_a_face_from_its_queues_only()
    {
        using var state = State();
        state.Accept("bO");
        Assert.Equal(["bP"], Ids(state.Queue(1, QueueKind.WorstOutliers)));
        Assert.Equal("B", state.Face("bO")!.Person);
        state.Undo();
        Assert.Equal(["bO", "bP"], Ids(state.Queue(1, QueueKind.WorstOutliers)));
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

    [Theory]
    [InlineData(-0.1, 0.35, 0.45, 9)]
    [InlineData(0.05, 0, 0.45, 9)]
    [InlineData(0.05, 0.35, 2.5, 9)]
    [InlineData(0.05, 0.35, 0.45, 10)]
    public void Options_out_of_range_are_usage_errors(double margin, double gate, double outlier, int candidates)
    {
        var ex = Assert.Throws<FaceEvalException>(() => new LabelOptions(margin, gate, outlier, candidates).Validate());
        Assert.Equal(ErrorKind.Usage, ex.Kind);
    }

    /// <summary>Everything a user can see, as text, to compare two states.</summary>
    internal static string Describe(LabelState state)
    {
        var text = new System.Text.StringBuilder();
        text.AppendJoin(",", state.Labels().Select(l => l ?? "-")).AppendLine();
        foreach (var p in state.People())
        {
            text.AppendLine(System.Text.Json.JsonSerializer.Serialize(p));
            foreach (var kind in Enum.GetValues<QueueKind>())
            {
                text.Append(kind).Append(':').AppendLine(System.Text.Json.JsonSerializer.Serialize(state.Queue(p.Id, kind)));
            }
        }

        return text.ToString();
    }
}
