using FaceEval.Core.Algorithms;
using FaceEval.Core.Embeddings;
using FaceEval.Core.Errors;

namespace FaceEval.Core.Tests.Algorithms;

public class DbscanThresholdSweepTests
{
    [Theory]
    [MemberData(nameof(ClusteringFixture.Names), MemberType = typeof(ClusteringFixture))]
    public void EveryEpsMatchesScikitLearnAndTheSingleShotForm(string fixture)
    {
        var f = ClusteringFixture.Load(fixture);
        foreach (var group in f.Dbscan.GroupBy(c => c.MinSamples))
        {
            // Unsorted, to check results come back in the order asked.
            var cases = group.Reverse().ToList();
            var swept = DbscanThresholdSweep.Labels(f.Distances, cases.Select(c => c.Eps).ToList(), group.Key);
            Assert.Equal(cases.Count, swept.Count);
            for (var i = 0; i < cases.Count; i++)
            {
                Assert.True(cases[i].Labels.SequenceEqual(swept[i]), $"eps={cases[i].Eps} minSamples={group.Key}");
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(12)]
    public void DenseEpsGridEqualsRefittingAtEachEps(int minSamples)
    {
        var distances = RandomClumps(seed: minSamples, count: 220);
        var eps = Enumerable.Range(0, 60).Select(i => 0.01 * i).ToList();
        var swept = DbscanThresholdSweep.Labels(distances, eps, minSamples);
        for (var i = 0; i < eps.Count; i++)
        {
            var single = Dbscan.Cluster(distances, new DbscanOptions(eps[i], minSamples));
            Assert.True(single.SequenceEqual(swept[i]), $"eps={eps[i]} minSamples={minSamples}");
        }

        // The grid has to cross interesting ground for the comparison to mean anything.
        Assert.Contains(swept, l => l.Max() >= 3 && (minSamples == 1 || l.Contains(-1)));
    }

    [Fact]
    public void MoreMinSamplesThanFacesLeavesEverythingNoise()
    {
        var distances = RandomClumps(seed: 3, count: 10);
        var swept = DbscanThresholdSweep.Labels(distances, [0.1, 2.0], 11);
        Assert.All(swept, l => Assert.All(l, v => Assert.Equal(-1, v)));
    }

    [Fact]
    public void RejectsAnEpsOutOfRange()
    {
        var distances = RandomClumps(seed: 3, count: 10);
        var e = Assert.Throws<FaceEvalException>(() => DbscanThresholdSweep.Labels(distances, [0.1, 3.0]));
        Assert.Equal(ErrorKind.Usage, e.Kind);
    }

    /// <summary>Faces around a few random centres with mixed spreads, plus scattered faces.</summary>
    internal static DistanceMatrix RandomClumps(int seed, int count, int dimension = 12)
    {
        var rng = new Random(seed);
        var centres = Enumerable.Range(0, 6).Select(_ => Gaussian(rng, dimension, 1)).ToArray();
        var data = new float[count * dimension];
        for (var i = 0; i < count; i++)
        {
            var scattered = i % 9 == 0;
            var c = centres[i % centres.Length];
            var spread = 0.15 + 0.1 * (i % centres.Length);
            var noise = Gaussian(rng, dimension, scattered ? 1 : spread / Math.Sqrt(dimension));
            for (var k = 0; k < dimension; k++)
            {
                data[i * dimension + k] = scattered ? noise[k] : c[k] / Norm(c) + noise[k];
            }
        }

        return DistanceMatrix.Compute(EmbeddingMatrix.FromRowMajor(data, count, dimension));
    }

    private static float[] Gaussian(Random rng, int dimension, double scale) =>
        Enumerable.Range(0, dimension).Select(_ => (float)(scale * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble()))).ToArray();

    private static float Norm(float[] v) => MathF.Sqrt(v.Sum(x => x * x));
}
