using FaceEval.Core.Algorithms;
using FaceEval.Core.Embeddings;
using FaceEval.Core.Errors;
using FaceEval.Core.Hierarchy;

namespace FaceEval.Core.Tests.Algorithms;

public class AgglomerativeTests
{
    [Theory]
    [MemberData(nameof(ClusteringFixture.Names), MemberType = typeof(ClusteringFixture))]
    public void ReproducesScikitLearnPartitions(string fixture)
    {
        var f = ClusteringFixture.Load(fixture);
        foreach (var linkage in f.Agglomerative.Select(c => c.Linkage).Distinct())
        {
            var cases = f.Agglomerative.Where(c => c.Linkage == linkage).ToList();
            var dendrogram = Agglomerative.BuildDendrogram(f.Distances, linkage);
            var cuts = dendrogram.Cut(cases.Select(c => c.Threshold).Reverse().ToList());
            for (var i = 0; i < cases.Count; i++)
            {
                var c = cases[i];
                var single = Agglomerative.Cluster(f.Distances, new AgglomerativeOptions(linkage, c.Threshold));
                Partition.AssertSame(c.Labels, single, $"{linkage} at {c.Threshold}");
                Assert.Equal(Partition.Canonical(single), single);
                Assert.Equal(single, cuts[cases.Count - 1 - i]);
            }
        }

        Assert.Equal(3, f.Agglomerative.Select(c => c.Linkage).Distinct().Count());
    }

    [Theory]
    [InlineData(Linkage.Average)]
    [InlineData(Linkage.Complete)]
    [InlineData(Linkage.Single)]
    public void MergesOnlyStrictlyBelowTheThreshold(Linkage linkage)
    {
        // Three orthogonal faces: every distance, hence every merge height, is exactly 1.
        var d = DistanceMatrix.Compute(EmbeddingMatrix.FromRowMajor([1, 0, 0, 0, 1, 0, 0, 0, 1], 3, 3));
        var dendrogram = Agglomerative.BuildDendrogram(d, linkage);
        Assert.All(dendrogram.Merges, m => Assert.Equal(1.0, m.Height));
        Assert.Equal([0, 1, 2], dendrogram.Cut(1.0));
        Assert.Equal([0, 0, 0], dendrogram.Cut(Math.BitIncrement(1.0)));
    }

    [Theory]
    [InlineData(Linkage.Average)]
    [InlineData(Linkage.Complete)]
    [InlineData(Linkage.Single)]
    public void DendrogramRowsFollowScipyConventions(Linkage linkage)
    {
        var distances = DbscanThresholdSweepTests.RandomClumps(seed: 11, count: 90);
        var dendrogram = Agglomerative.BuildDendrogram(distances, linkage);
        var n = dendrogram.Count;
        Assert.Equal(n - 1, dendrogram.Merges.Count);
        var sizes = Enumerable.Repeat(1, n).ToList();
        var used = new bool[2 * n - 1];
        for (var m = 0; m < n - 1; m++)
        {
            var row = dendrogram.Merges[m];
            Assert.True(row.Left < row.Right && row.Right < n + m, $"merge {m} refers to a later node");
            Assert.False(used[row.Left] || used[row.Right], $"merge {m} reuses a node");
            used[row.Left] = used[row.Right] = true;
            Assert.Equal(sizes[row.Left] + sizes[row.Right], row.Size);
            sizes.Add(row.Size);
            if (m > 0)
            {
                Assert.True(row.Height >= dendrogram.Merges[m - 1].Height);
            }
        }

        Assert.Equal(n, dendrogram.Merges[^1].Size);
    }

    [Fact]
    public void LinkageHeightsMatchTheirDefinitionsOnATinyExample()
    {
        // Faces at angles 0, 0.1 | 0.5: the pair joins first, then the third at the linkage's distance.
        var d = DbscanTests.LineDistances([0, 0.1, 0.5]);
        double far = d[0, 2], near = d[1, 2];
        Assert.Equal((far + near) / 2, Agglomerative.BuildDendrogram(d, Linkage.Average).Merges[1].Height, 12);
        Assert.Equal(far, Agglomerative.BuildDendrogram(d, Linkage.Complete).Merges[1].Height, 12);
        Assert.Equal(near, Agglomerative.BuildDendrogram(d, Linkage.Single).Merges[1].Height, 12);
    }

    [Fact]
    public void SingleLinkageSpanningTreeAgreesWithTheNearestNeighbourChain()
    {
        var distances = DbscanThresholdSweepTests.RandomClumps(seed: 5, count: 150);
        var fromTree = new Dendrogram(distances.Count, SpanningTree.Build(distances));
        var fromChain = new Dendrogram(distances.Count, NearestNeighbourChain.Build(distances, Linkage.Single));
        Assert.Equal(fromTree.Merges.Select(m => m.Height), fromChain.Merges.Select(m => m.Height));
        var thresholds = Enumerable.Range(1, 40).Select(i => 0.025 * i).ToList();
        Assert.Equal(fromTree.Cut(thresholds), fromChain.Cut(thresholds));
    }

    [Fact]
    public void HandlesZeroAndOneFace()
    {
        var none = DbscanTests.LineDistances([]);
        Assert.Empty(Agglomerative.Cluster(none, new AgglomerativeOptions(Linkage.Average, 0.5)));
        var one = DbscanTests.LineDistances([0.2]);
        Assert.Equal([0], Agglomerative.Cluster(one, new AgglomerativeOptions(Linkage.Complete, 0.5)));
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(2.01)]
    [InlineData(double.NaN)]
    public void RejectsOutOfRangeThresholds(double threshold)
    {
        var e = Assert.Throws<FaceEvalException>(() => new AgglomerativeOptions(Linkage.Average, threshold));
        Assert.Equal(ErrorKind.Usage, e.Kind);
        Assert.Throws<FaceEvalException>(() => new AgglomerativeOptions((Linkage)7, 0.5));
    }
}
