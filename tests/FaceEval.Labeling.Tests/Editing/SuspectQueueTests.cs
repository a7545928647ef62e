using FaceEval.Core.Errors;
using FaceEval.Labeling.Editing;
using static FaceEval.Labeling.Tests.LabelFixture;

namespace FaceEval.Labeling.Tests.Editing;

/// <summary>
/// The five suspect queues and the suspicious counts on the hand-made fixture, whose queue
/// membership was designed and checked by hand (see <see cref="LabelFixture"/>).
/// </summary>
public sealed class SuspectQueueTests
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
    public void Accept_removes_a_face_from_its_queues_only()
    {
        using var state = State();
        state.Accept("bO");
        Assert.Equal(["bP"], Ids(state.Queue(1, QueueKind.WorstOutliers)));
        Assert.Equal("B", state.Face("bO")!.Person);
        state.Undo();
        Assert.Equal(["bO", "bP"], Ids(state.Queue(1, QueueKind.WorstOutliers)));
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
}
