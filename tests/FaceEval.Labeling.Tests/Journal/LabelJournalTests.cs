using System.Text;
using FaceEval.Core.Errors;
using FaceEval.Labeling.Editing;
using FaceEval.Labeling.Journal;

namespace FaceEval.Labeling.Tests.Journal;

public sealed class LabelJournalTests
{
    private static LabelState Open(string path)
    {
        var (edits, journal) = LabelJournal.OpenForAppend(path);
        return new LabelState(LabelFixture.Input(), new LabelOptions(), journal, edits);
    }

    private static void EditALot(LabelState state)
    {
        state.Move("aX", 1);
        state.NewPerson("u1");
        state.Accept("bO");
        state.Unassign("cG");
        state.Rename(3, "Dora");
        state.Merge(4, 3);
        state.Undo(); // the merge
        state.Move("u2", 1);
        state.Undo();
        state.Move("u3", 2);
    }

    [Fact]
    public void Replay_after_restart_equals_the_live_state()
    {
        using var dir = new TempDirectory();
        var path = dir.Sub("journal.jsonl");
        string live;
        using (var state = Open(path))
        {
            EditALot(state);
            live = LabelFixture.Describe(state);
            Assert.Equal(6, state.EditCount); // ten entries, two of them undos
        }

        Assert.Equal(10, File.ReadAllLines(path).Length);
        using var again = Open(path);
        Assert.Equal(live, LabelFixture.Describe(again));
        Assert.Equal(10, again.JournalEntries);

        // The undo history survives too: undoing after the restart reverts the last edit before it.
        Assert.Equal("C", again.Face("u3")!.Person);
        Assert.True(again.Undo());
        Assert.Null(again.Face("u3")!.Person);
    }

    [Fact]
    public void Incrementally_kept_unassigned_queues_match_a_fresh_state()
    {
        using var dir = new TempDirectory();
        var path = dir.Sub("journal.jsonl");
        using (var state = Open(path))
        {
            var before = LabelFixture.Describe(state); // builds the nearest-person cache
            state.Unassign("a1"); // unassigned by hand: reviewed, so it joins no queue
            Assert.Equal(["u1"], LabelFixture.Ids(state.Queue(0, QueueKind.Unassigned)));
            state.Undo();
            Assert.Equal(before, LabelFixture.Describe(state));
            EditALot(state);
            state.Unassign("b1");
            state.Merge(1, 0); // B's faces, and the unassigned faces nearest to B, now go to A
            var live = LabelFixture.Describe(state);
            using var fresh = new LabelState(LabelFixture.Input(), new LabelOptions(), null, LabelJournal.Read(path));
            Assert.Equal(LabelFixture.Describe(fresh), live);
            Assert.Contains("u2", LabelFixture.Ids(state.Queue(0, QueueKind.Unassigned)));
        }
    }

    [Fact]
    public void A_torn_last_line_is_ignored_and_cut_off()
    {
        using var dir = new TempDirectory();
        var path = dir.Sub("journal.jsonl");
        string live;
        using (var state = Open(path))
        {
            EditALot(state);
            live = LabelFixture.Describe(state);
        }

        File.AppendAllText(path, "{\"kind\":\"move\",\"face\":\"a1\",\"per");
        using (var again = Open(path))
        {
            Assert.Equal(live, LabelFixture.Describe(again));
            again.Move("a1", 2);
        }

        var lines = File.ReadAllLines(path);
        Assert.Equal(11, lines.Length);
        Assert.Contains("\"face\":\"a1\",\"person\":2", lines[^1], StringComparison.Ordinal);
        using var third = Open(path);
        Assert.Equal("C", third.Face("a1")!.Person);
    }

    [Fact]
    public void A_malformed_line_before_the_last_is_invalid_data()
    {
        using var dir = new TempDirectory();
        var path = dir.Sub("journal.jsonl");
        File.WriteAllText(path, "{\"kind\":\"accept\",\"face\":\"a1\"}\nnot json\n{\"kind\":\"accept\",\"face\":\"a2\"}\n", new UTF8Encoding(false));
        Assert.Equal(ErrorKind.InvalidData, Assert.Throws<FaceEvalException>(() => LabelJournal.Read(path)).Kind);
    }

    [Fact]
    public void An_entry_that_does_not_fit_the_snapshot_is_refused_on_replay()
    {
        using var dir = new TempDirectory();
        var path = dir.Sub("journal.jsonl");
        File.WriteAllText(path, "{\"kind\":\"move\",\"face\":\"not-here\",\"person\":0}\n", new UTF8Encoding(false));
        var ex = Assert.Throws<FaceEvalException>(() => Open(path));
        Assert.Equal(ErrorKind.InvalidData, ex.Kind);
    }
}
