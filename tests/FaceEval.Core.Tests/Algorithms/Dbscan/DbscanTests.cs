using FaceEval.Core.Algorithms;
using FaceEval.Core.Embeddings;
using FaceEval.Core.Errors;

namespace FaceEval.Core.Tests.Algorithms;

public class DbscanTests
{
    [Theory]
    [MemberData(nameof(ClusteringFixture.Names), MemberType = typeof(ClusteringFixture))]
    public void ReproducesScikitLearnLabelsExactly(string fixture)
    {
        var f = ClusteringFixture.Load(fixture);
        foreach (var c in f.Dbscan)
        {
            var labels = Dbscan.Cluster(f.Distances, new DbscanOptions(c.Eps, c.MinSamples));
            // Numbering too, not just the partition: clusters in order of their first core face, and
            // contested border faces in the cluster scikit-learn expands first.
            Assert.True(c.Labels.SequenceEqual(labels), $"eps={c.Eps} minSamples={c.MinSamples}");
        }
    }

    [Fact]
    public void BorderFaceReachableFromTwoClustersJoinsTheOneWithTheLowerCoreFace()
    {
        // Angles on an arc: cluster A = 0..0.2, cluster B = 0.5..0.7, face 0.35 within eps (Δ 0.15) of
        // one face of each but with only 3 neighbours itself, so a contested border face.
        double[] a = [0, 0.05, 0.1, 0.15, 0.2];
        double[] b = [0.5, 0.55, 0.6, 0.65, 0.7];
        var options = new DbscanOptions(0.015, 4);
        foreach (var angles in new[] { [.. a, 0.35, .. b], [.. b, 0.35, .. a], new[] { 0.35 }.Concat(b).Concat(a).ToArray() })
        {
            var labels = Dbscan.Cluster(LineDistances(angles), options);
            var firstGroup = labels[Array.FindIndex(angles, x => x != 0.35)];
            Assert.Equal(firstGroup, labels[Array.IndexOf(angles, 0.35)]);
            Assert.Equal(2, labels.Distinct().Count());
        }
    }

    [Fact]
    public void NoiseWhenNothingIsCoreAndOneClusterWhenEverythingIs()
    {
        // Neighbouring faces 0.3 rad apart: cosine distance 0.0447.
        var d = LineDistances([0, 0.3, 0.6, 0.9]);
        Assert.Equal([-1, -1, -1, -1], Dbscan.Cluster(d, new DbscanOptions(0.01, 2)));
        Assert.Equal([0, 1, 2, 3], Dbscan.Cluster(d, new DbscanOptions(0.01, 1)));
        Assert.Equal([0, 0, 0, 0], Dbscan.Cluster(d, new DbscanOptions(0.05, 2)));
        Assert.Equal([-1, -1, -1, -1], Dbscan.Cluster(d, new DbscanOptions(0.05, 4)));
    }

    [Theory]
    [InlineData(-0.1, 1)]
    [InlineData(2.5, 1)]
    [InlineData(double.NaN, 1)]
    [InlineData(0.3, 0)]
    public void RejectsOutOfRangeOptions(double eps, int minSamples)
    {
        var e = Assert.Throws<FaceEvalException>(() => new DbscanOptions(eps, minSamples));
        Assert.Equal(ErrorKind.Usage, e.Kind);
        Assert.DoesNotContain('\n', e.Message);
    }

    /// <summary>Faces on a circle at the given angles (radians): distance 1 - cos of the angle between them.</summary>
    internal static DistanceMatrix LineDistances(double[] angles)
    {
        var data = angles.SelectMany(a => new[] { (float)Math.Cos(a), (float)Math.Sin(a) }).ToArray();
        var m = DistanceMatrix.Compute(EmbeddingMatrix.FromRowMajor(data, angles.Length, 2));
        return m;
    }
}
