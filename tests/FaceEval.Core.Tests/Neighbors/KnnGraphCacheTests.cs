using FaceEval.Core.Embeddings;
using FaceEval.Core.Neighbors;
using FaceEval.Core.Numpy;

namespace FaceEval.Core.Tests.Neighbors;

/// <summary>
/// The graph cache beside a snapshot: a second load reads what the first stored (and equals a fresh
/// build), a different key or a damaged file is rebuilt, an interrupted build leaves nothing under the
/// final name, and nothing is written inside the snapshot folder.
/// </summary>
public class KnnGraphCacheTests
{
    private static EmbeddingMatrix Faces(int n = 300, int d = 24, int seed = 4)
    {
        var rng = new Random(seed);
        var data = new float[n * d];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (float)(rng.NextDouble() * 2 - 1);
        }

        return EmbeddingMatrix.FromRowMajor(data, n, d);
    }

    [Fact]
    public void TheSecondLoadReadsTheStoredGraphWhichEqualsAFreshBuild()
    {
        using var dir = new TempDirectory();
        var snapshot = Directory.CreateDirectory(Path.Combine(dir.Path, "snap")).FullName;
        var faces = Faces();

        var first = KnnGraphCache.LoadOrBuild(snapshot, "id1", "m/odel", faces, 7);
        var second = KnnGraphCache.LoadOrBuild(snapshot, "id1", "m/odel", faces, 7);

        Assert.False(first.Loaded);
        Assert.True(second.Loaded);
        Assert.Null(second.Warning);
        Assert.Equal(Path.Combine(dir.Path, "snap.cache", "neighbors", "m_odel-exact-k7"), second.Directory);
        Assert.Empty(Directory.EnumerateFileSystemEntries(snapshot));
        var fresh = KnnGraph.Build(faces, 7);
        Assert.Equal(fresh.NeighborData.ToArray(), second.Graph.NeighborData.ToArray());
        Assert.Equal(fresh.DistanceData.ToArray(), second.Graph.DistanceData.ToArray());

        // numpy's layout: ids int32 [N, k], distances float32 [N, k].
        using var ids = File.OpenRead(Path.Combine(second.Directory, KnnGraphCache.IdsFile));
        Assert.Equal((300, 7), (NpyReader.ReadInt32(ids, "ids").Rows, 7));
        var header = NpyReader.ReadHeader(Path.Combine(second.Directory, KnnGraphCache.DistancesFile));
        Assert.Equal(("<f4", 300, 7), (header.Descr, header.Rows, header.Columns));
        Assert.Single(Directory.EnumerateDirectories(Path.GetDirectoryName(second.Directory)!));
    }

    [Fact]
    public void AGraphCachedForAnotherSnapshotIdIsRebuilt()
    {
        using var dir = new TempDirectory();
        var snapshot = Directory.CreateDirectory(Path.Combine(dir.Path, "snap")).FullName;
        var other = Faces(seed: 9);
        KnnGraphCache.LoadOrBuild(snapshot, "old-id", "m", other, 5);

        var faces = Faces();
        var result = KnnGraphCache.LoadOrBuild(snapshot, "new-id", "m", faces, 5);

        Assert.False(result.Loaded);
        Assert.Contains("old-id", result.RebuildReason);
        Assert.Null(result.Warning);
        Assert.Equal(KnnGraph.Build(faces, 5).NeighborData.ToArray(), result.Graph.NeighborData.ToArray());
        Assert.True(KnnGraphCache.LoadOrBuild(snapshot, "new-id", "m", faces, 5).Loaded);
    }

    [Theory]
    [InlineData(KnnGraphCache.IdsFile)]
    [InlineData(KnnGraphCache.DistancesFile)]
    [InlineData(KnnGraphCache.KeyFile)]
    public void ADamagedCacheIsRebuiltWithAWarning(string file)
    {
        using var dir = new TempDirectory();
        var snapshot = Directory.CreateDirectory(Path.Combine(dir.Path, "snap")).FullName;
        var faces = Faces();
        var stored = KnnGraphCache.LoadOrBuild(snapshot, "id", "m", faces, 6);
        var path = Path.Combine(stored.Directory, file);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 9)]);

        var result = KnnGraphCache.LoadOrBuild(snapshot, "id", "m", faces, 6);

        Assert.False(result.Loaded);
        Assert.Contains("unreadable", result.Warning);
        Assert.DoesNotContain('\n', result.Warning!);
        Assert.Equal(KnnGraph.Build(faces, 6).NeighborData.ToArray(), result.Graph.NeighborData.ToArray());
        Assert.True(KnnGraphCache.LoadOrBuild(snapshot, "id", "m", faces, 6).Loaded);
    }

    [Fact]
    public void IdsThatAreNotANeighbourListAreRebuiltWithAWarning()
    {
        using var dir = new TempDirectory();
        var snapshot = Directory.CreateDirectory(Path.Combine(dir.Path, "snap")).FullName;
        var faces = Faces();
        var stored = KnnGraphCache.LoadOrBuild(snapshot, "id", "m", faces, 6);
        var ids = stored.Graph.NeighborData.ToArray();
        ids[6 * 10] = 10; // face 10 listed as its own neighbour: the right size, the wrong content
        using (var stream = File.Create(Path.Combine(stored.Directory, KnnGraphCache.IdsFile)))
        {
            NpyWriter.Write(stream, ids.AsSpan(), 300, 6);
        }

        var result = KnnGraphCache.LoadOrBuild(snapshot, "id", "m", faces, 6);

        Assert.False(result.Loaded);
        Assert.Contains("row 10", result.Warning);
    }

    [Fact]
    public void AnInterruptedBuildLeavesNoCacheUnderTheFinalName()
    {
        using var dir = new TempDirectory();
        var snapshot = Directory.CreateDirectory(Path.Combine(dir.Path, "snap")).FullName;
        var faces = Faces(n: 2000);
        using var cancel = new CancellationTokenSource();
        var progress = new SyncProgress(f =>
        {
            if (f > 0.2)
            {
                cancel.Cancel();
            }
        });

        Assert.ThrowsAny<OperationCanceledException>(() => KnnGraphCache.LoadOrBuild(snapshot, "id", "m", faces, 6, progress, cancel.Token));

        Assert.False(Directory.Exists(KnnGraphCache.PathFor(snapshot, "m", 6)));
        Assert.False(KnnGraphCache.LoadOrBuild(snapshot, "id", "m", faces, 6).Loaded);
        Assert.True(KnnGraphCache.LoadOrBuild(snapshot, "id", "m", faces, 6).Loaded);
    }

    [Fact]
    public void AFolderLeftByAKilledBuildIsNeverReadAndIsCleanedUp()
    {
        using var dir = new TempDirectory();
        var snapshot = Directory.CreateDirectory(Path.Combine(dir.Path, "snap")).FullName;
        var final = KnnGraphCache.PathFor(snapshot, "m", 6);

        // What a build killed after writing the arrays leaves: a temporary folder of a process that is gone.
        var abandoned = $"{final}.tmp-{int.MaxValue}-0123";
        Directory.CreateDirectory(abandoned);
        File.WriteAllText(Path.Combine(abandoned, KnnGraphCache.IdsFile), "half");

        var result = KnnGraphCache.LoadOrBuild(snapshot, "id", "m", Faces(), 6);

        Assert.False(result.Loaded);
        Assert.False(Directory.Exists(abandoned));
        Assert.True(Directory.Exists(final));
    }

    [Fact]
    public void ApproxGraphsAreCachedPerIndexParametersWithTheirRecall()
    {
        using var dir = new TempDirectory();
        var snapshot = Directory.CreateDirectory(Path.Combine(dir.Path, "snap")).FullName;
        var faces = Faces(n: 600);
        var few = new NeighborChoice(NeighborStructure.Approx, 6, new IvfParameters(20, 2));
        var more = new NeighborChoice(NeighborStructure.Approx, 6, new IvfParameters(20, 6));

        var a = KnnGraphCache.LoadOrBuild(snapshot, "id", "m", faces, few);
        var b = KnnGraphCache.LoadOrBuild(snapshot, "id", "m", faces, more);
        var exact = KnnGraphCache.LoadOrBuild(snapshot, "id", "m", faces, 6);
        var again = KnnGraphCache.LoadOrBuild(snapshot, "id", "m", faces, few);

        Assert.False(a.Loaded);
        Assert.False(b.Loaded);
        Assert.False(exact.Loaded);
        Assert.True(again.Loaded);
        Assert.Equal(3, new[] { a.Directory, b.Directory, exact.Directory }.Distinct().Count());
        Assert.EndsWith("m-approx-k6-nlist20-nprobe2-seed42-q1000", a.Directory);
        Assert.NotNull(a.Recall);
        Assert.Equal(a.Recall, again.Recall);
        Assert.Equal(a.Graph.NeighborData.ToArray(), again.Graph.NeighborData.ToArray());
        Assert.True(b.Recall!.Recall > a.Recall!.Recall, $"{b.Recall.Recall} vs {a.Recall.Recall}");
        Assert.Null(exact.Recall);
        Assert.NotEqual(few, more);
        Assert.Equal(few, new NeighborChoice(NeighborStructure.Approx, 6, new IvfParameters(20, 2)));
    }

    [Fact]
    public void AnInterruptedApproxBuildLeavesNoCacheUnderTheFinalName()
    {
        using var dir = new TempDirectory();
        var snapshot = Directory.CreateDirectory(Path.Combine(dir.Path, "snap")).FullName;
        var faces = Faces(n: 3000);
        var choice = new NeighborChoice(NeighborStructure.Approx, 6, new IvfParameters(30, 30));
        using var cancel = new CancellationTokenSource();
        var progress = new SyncProgress(f =>
        {
            if (f > 0.2)
            {
                cancel.Cancel();
            }
        });

        Assert.ThrowsAny<OperationCanceledException>(() => KnnGraphCache.LoadOrBuild(snapshot, "id", "m", faces, choice, progress, cancel.Token));

        Assert.False(Directory.Exists(KnnGraphCache.PathFor(snapshot, "m", choice)));
        Assert.False(KnnGraphCache.LoadOrBuild(snapshot, "id", "m", faces, choice).Loaded);
        Assert.True(KnnGraphCache.LoadOrBuild(snapshot, "id", "m", faces, choice).Loaded);
    }

    private sealed class SyncProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
