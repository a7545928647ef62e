using FaceEval.Core.Errors;
using FaceEval.Core.IO;
using FaceEval.Core.Tests.TestData;

namespace FaceEval.Core.Tests.IO;

/// <summary>Files written together are all written or none: no target is touched when one of them cannot be written.</summary>
public sealed class AtomicFileSetTests
{
    [Fact]
    public void EveryFileIsWrittenAndReplaced()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.Combine("a.txt"), "old");
        new AtomicFileSet().AddText(dir.Combine("a.txt"), "A").AddText(dir.Combine("sub", "b.txt"), "B").Commit();
        Assert.Equal("A", File.ReadAllText(dir.Combine("a.txt")));
        Assert.Equal("B", File.ReadAllText(dir.Combine("sub", "b.txt")));
        Assert.Equal(2, Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public void ADirectoryInPlaceOfTheLastTargetLeavesTheFirstUntouched()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.Combine("a.txt"), "old");
        Directory.CreateDirectory(dir.Combine("b.txt"));

        var ex = Assert.Throws<FaceEvalException>(() => new AtomicFileSet().AddText(dir.Combine("a.txt"), "A").AddText(dir.Combine("b.txt"), "B").Commit());

        Assert.Equal(ErrorKind.Io, ex.Kind);
        Assert.Contains("b.txt", ex.Message);
        Assert.Equal("old", File.ReadAllText(dir.Combine("a.txt")));
        Assert.Equal([dir.Combine("a.txt")], Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void AFailingWriterLeavesNoTargetAndNoTemporaryFile()
    {
        using var dir = new TempDirectory();
        Assert.Throws<IOException>(() => new AtomicFileSet()
            .AddText(dir.Combine("a.txt"), "A")
            .Add(dir.Combine("b.txt"), _ => throw new IOException("disk full"))
            .Commit());
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void ATargetUnderAFileLeavesTheOthersUnwritten()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.Combine("file"), "x");
        Assert.ThrowsAny<IOException>(() => new AtomicFileSet().AddText(dir.Combine("a.txt"), "A").AddText(dir.Combine("file", "x.xml"), "B").Commit());
        Assert.Equal([dir.Combine("file")], Directory.GetFileSystemEntries(dir.Path));
    }
}
