using FaceEval.Core.Snapshots;

namespace FaceEval.Core.Tests.Snapshots;

public sealed class SnapshotPathTests
{
    [Fact]
    public void Only_paths_strictly_inside_the_root_count()
    {
        using var dir = new TempDirectory();
        Assert.Null(SnapshotLayout.Inside(dir.Combine("images"), dir.Combine("images", "..", "outside.jpg")));
        Assert.Null(SnapshotLayout.Inside(dir.Combine("images"), dir.Combine("images-other", "x.jpg")));
        Assert.NotNull(SnapshotLayout.Inside(dir.Combine("images"), dir.Combine("images", "a", "b.jpg")));
    }
}
