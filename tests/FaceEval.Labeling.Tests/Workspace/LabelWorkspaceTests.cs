using FaceEval.Core.Errors;
using FaceEval.Core.Snapshots;
using FaceEval.Labeling.Editing;
using FaceEval.Labeling.Journal;
using FaceEval.Labeling.Workspace;

namespace FaceEval.Labeling.Tests.Workspace;

public sealed class LabelWorkspaceTests
{
    [Fact]
    public void Work_directory_defaults_to_beside_the_snapshot_and_survives_a_restart()
    {
        using var dir = new TempDirectory();
        var snapshot = LabelFixture.WriteSnapshot(dir.Sub("snap"));
        using (var session = LabelWorkspace.Open(snapshot.Directory, null, null, new LabelOptions()))
        {
            Assert.Equal(dir.Sub("snap.labels"), session.WorkDirectory);
            Assert.Equal("toy", session.Model);
            session.State.Move("aX", 1);
        }

        using var again = LabelWorkspace.Open(snapshot.Directory, null, null, new LabelOptions());
        Assert.Equal("B", again.State.Face("aX")!.Person);
        Assert.Equal(snapshot.Id, Snapshot.Load(snapshot.Directory).Id); // nothing was written into the snapshot
    }

    [Fact]
    public void Work_directory_inside_the_snapshot_or_another_model_is_refused()
    {
        using var dir = new TempDirectory();
        var snapshot = LabelFixture.WriteSnapshot(dir.Sub("snap"));
        var inside = Assert.Throws<FaceEvalException>(() => LabelWorkspace.Open(snapshot.Directory, null, Path.Combine(snapshot.Directory, "work"), new LabelOptions()));
        Assert.Equal(ErrorKind.Usage, inside.Kind);
        Assert.Equal(ErrorKind.UnknownName,
            Assert.Throws<FaceEvalException>(() => LabelWorkspace.Open(snapshot.Directory, "other", null, new LabelOptions())).Kind);
    }

    [Fact]
    public void A_work_directory_of_another_snapshot_is_refused_naming_both_ids()
    {
        using var dir = new TempDirectory();
        var first = LabelFixture.WriteSnapshot(dir.Sub("snap"));
        var work = dir.Sub("work");
        using (var session = LabelWorkspace.Open(first.Directory, null, work, new LabelOptions()))
        {
            session.State.Move("aX", 1);
        }

        var second = LabelFreezer.Freeze(work, dir.Sub("second"));
        Assert.NotEqual(first.Id, second.Id);
        var ex = Assert.Throws<FaceEvalException>(() => LabelWorkspace.Open(second.Directory, null, work, new LabelOptions()));
        Assert.Equal(ErrorKind.BaselineMismatch, ex.Kind);
        Assert.Contains(first.Id, ex.Message, StringComparison.Ordinal);
        Assert.Contains(second.Id, ex.Message, StringComparison.Ordinal);
        Assert.Single(LabelJournal.Read(Path.Combine(work, LabelJournal.FileName))); // the journal is untouched
    }

    /// <summary>
    /// Unchanged labels make the very files of the parent, hence its id: the "child" would name itself as
    /// its parent. Accepting faces, or moving one and moving it back, are edits that change no label.
    /// </summary>
    [Theory]
    [InlineData("none")]
    [InlineData("accept")]
    [InlineData("there-and-back")]
    public void Freezing_edits_that_change_no_label_is_refused_and_writes_nothing(string edits)
    {
        using var dir = new TempDirectory();
        var snapshot = LabelFixture.WriteSnapshot(dir.Sub("snap"));
        var work = dir.Sub("work");
        using (var session = LabelWorkspace.Open(snapshot.Directory, null, work, new LabelOptions()))
        {
            if (edits == "accept")
            {
                session.State.Accept("a1");
                session.State.Accept("bO");
            }
            else if (edits == "there-and-back")
            {
                session.State.Move("aX", 1);
                session.State.Move("aX", 0);
            }
        }

        var before = Directory.GetFileSystemEntries(dir.Path);
        var ex = Assert.Throws<FaceEvalException>(() => LabelFreezer.Freeze(work, dir.Sub("frozen")));
        Assert.Equal(ErrorKind.InvalidData, ex.Kind);
        Assert.StartsWith("no edits to freeze", ex.Message, StringComparison.Ordinal);
        Assert.Contains(snapshot.Id, ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Freeze_writes_a_child_snapshot_with_every_edit()
    {
        using var dir = new TempDirectory();
        var snapshot = LabelFixture.WriteSnapshot(dir.Sub("snap"));
        var work = dir.Sub("work");
        using (var session = LabelWorkspace.Open(snapshot.Directory, "toy", work, new LabelOptions()))
        {
            var s = session.State;
            s.Move("aX", 1);
            s.NewPerson("u1");
            s.Rename(3, "Dora");
            s.Merge(4, 3);
            s.Unassign("cG");
            s.Undo();
        }

        var frozen = LabelFreezer.Freeze(work, dir.Sub("frozen"));
        Assert.Equal(snapshot.Id, frozen.Manifest.Parent);
        Assert.Contains("4 edits (6 journal entries)", frozen.Manifest.Source, StringComparison.Ordinal);
        Assert.Equal(4, frozen.Manifest.Edits);
        Assert.Contains("\"edits\": 4", File.ReadAllText(Path.Combine(frozen.Directory, "manifest.json")), StringComparison.Ordinal);
        Assert.DoesNotContain("\"edits\"", File.ReadAllText(Path.Combine(snapshot.Directory, "manifest.json")), StringComparison.Ordinal);
        string? Person(string id) => frozen.Faces[frozen.IndexOf(id)].Person;
        Assert.Equal("B", Person("aX"));
        Assert.Equal("new-1", Person("u1"));
        Assert.Equal("Dora", Person("d1"));
        Assert.Equal("Dora", Person("e1"));
        Assert.Equal("C", Person("cG"));
        Assert.Null(Person("u2"));
        Assert.Equal(["A", "B", "C", "Dora", "new-1"], frozen.People.Order(StringComparer.Ordinal));
        // D-E became Dora-Dora through the merge and is dropped; A-C keeps its labels.
        Assert.Equal([new Relation("A", "C", "parent-child")], frozen.Relations);
        Assert.Equal(snapshot.LoadEmbeddingValues("toy").Data, frozen.LoadEmbeddingValues("toy").Data);

        Assert.Equal(ErrorKind.Io, Assert.Throws<FaceEvalException>(() => LabelFreezer.Freeze(work, dir.Sub("frozen"))).Kind);
        Assert.Equal(ErrorKind.FileNotFound, Assert.Throws<FaceEvalException>(() => LabelFreezer.Freeze(dir.Sub("nowhere"), dir.Sub("x"))).Kind);
    }

    [Fact]
    public void Work_json_is_written_snake_case_and_a_camel_case_one_still_opens()
    {
        using var dir = new TempDirectory();
        var snapshot = LabelFixture.WriteSnapshot(dir.Sub("snap"));
        var work = dir.Sub("work");
        using (var session = LabelWorkspace.Open(snapshot.Directory, "toy", work, new LabelOptions()))
        {
            session.State.Move("aX", 1);
        }

        var info = Path.Combine(work, LabelWorkspace.InfoFile);
        var text = File.ReadAllText(info);
        Assert.Contains($"\"snapshot_id\": \"{snapshot.Id}\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("snapshotId", text, StringComparison.Ordinal);

        // As work directories made before snake_case have it.
        File.WriteAllText(info, text.Replace("\"snapshot_id\"", "\"snapshotId\"", StringComparison.Ordinal));
        using (var reopened = LabelWorkspace.Open(snapshot.Directory, "toy", work, new LabelOptions()))
        {
            Assert.Equal("B", reopened.State.Face("aX")!.Person);
        }

        File.WriteAllText(info, text.Replace("\"snapshot_id\"", "\"snapshotId\"", StringComparison.Ordinal));
        var frozen = LabelFreezer.Freeze(work, dir.Sub("frozen"));
        Assert.Equal("B", frozen.Faces[frozen.IndexOf("aX")].Person);
    }
}
