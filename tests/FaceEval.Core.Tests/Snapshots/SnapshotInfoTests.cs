using FaceEval.Core.Snapshots;

namespace FaceEval.Core.Tests.Snapshots;

public sealed class SnapshotInfoTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void SummarisesPeopleRelationsModelsAndSizes()
    {
        var s = SnapshotImporter.Import(new SyntheticExport(_dir).Write()).Snapshot;

        var info = SnapshotInfo.Read(s.Directory, topPeople: 2);

        // Ann 3 faces, Bob 2, Cy 1.
        Assert.Equal((1, 2.0, 3), info.FacesPerPerson);
        Assert.Equal(1, info.SingleFacePeople);
        Assert.Equal([("Ann", 3), ("Bob", 2)], info.TopPeople);
        Assert.Equal([("sibling", 1), ("twin-sibling", 1)], info.RelationTypes);
        Assert.Equal(128 + 8 * 4 * 4, info.Models.Single(m => m.Model.Name == "modelA").Bytes);
        Assert.Equal(6, info.FileCount);
        Assert.Equal(Directory.GetFiles(s.Directory, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length), info.TotalBytes);
    }
}
