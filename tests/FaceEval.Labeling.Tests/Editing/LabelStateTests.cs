using FaceEval.Core.Errors;
using FaceEval.Labeling.Editing;
using FaceEval.Labeling.Journal;
using static FaceEval.Labeling.Tests.LabelFixture;

namespace FaceEval.Labeling.Tests.Editing;

/// <summary>The state's one promise about the journal: an edit takes effect only once it is on disk.</summary>
public sealed class LabelStateTests
{
    [Fact]
    public void An_edit_the_journal_refuses_changes_nothing_and_the_next_one_continues_from_the_last_acknowledged()
    {
        using var dir = new TempDirectory();
        var path = dir.Sub("journal.jsonl");
        var (entries, journal) = LabelJournal.OpenForAppend(path);
        using var state = new LabelState(Input(), new LabelOptions(), journal, entries);
        state.Move("aX", 1);
        var before = Describe(state);

        // A directory under the journal's name: no process, root included, can append to it.
        File.Move(path, path + ".saved");
        Directory.CreateDirectory(path);
        Action[] refused =
        [
            () => state.Move("u1", 0), () => state.NewPerson("u2"), () => state.Unassign("a1"), () => state.Accept("bO"),
            () => state.Rename(3, "Dora"), () => state.Merge(4, 3), () => state.Undo(),
        ];
        foreach (var edit in refused)
        {
            Assert.Equal(ErrorKind.Io, Assert.Throws<FaceEvalException>(edit).Kind);
        }

        Assert.Equal(before, Describe(state));
        Assert.Equal(1, state.EditCount);
        Assert.Equal(1, state.JournalEntries);

        // The refused new person took no id: with the journal back, the next one gets 5 and new-1, and a
        // replay of the file gives the live state.
        Directory.Delete(path);
        File.Move(path + ".saved", path);
        Assert.Equal(5, state.NewPerson("u2"));
        Assert.Equal("new-1", state.Face("u2")!.Person);
        using var replayed = new LabelState(Input(), new LabelOptions(), null, LabelJournal.Read(path));
        Assert.Equal(Describe(state), Describe(replayed));
        Assert.Equal(2, replayed.JournalEntries);
    }
}
