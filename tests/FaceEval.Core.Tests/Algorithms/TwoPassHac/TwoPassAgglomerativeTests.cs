using FaceEval.Core.Algorithms;
using FaceEval.Core.Embeddings;
using FaceEval.Core.Errors;
using FaceEval.Core.Hierarchy;

namespace FaceEval.Core.Tests.Algorithms;

public class TwoPassAgglomerativeTests
{
    private const int People = 5;
    private const int LooksPerPerson = 2;

    [Fact]
    public void PassOneKeepsLooksApartAndPassTwoJoinsThemIntoPeople()
    {
        var (embeddings, person, look) = PlantedPeople(seed: 1, facesPerLook: 14);
        var distances = DistanceMatrix.Compute(embeddings);

        var pass1 = Agglomerative.Cluster(distances, new AgglomerativeOptions(Linkage.Average, 0.4));
        Partition.AssertSame(look, pass1, "pass 1 finds the looks");

        var labels = TwoPassAgglomerative.Cluster(embeddings, new TwoPassOptions());
        Partition.AssertSame(person, labels, "pass 2 joins looks into people");
        Assert.Equal(labels, TwoPassAgglomerative.Cluster(embeddings, distances, new TwoPassOptions()));

        // Pass 2 must not just be a looser pass 1 that would also pull people together.
        var tooLoose = TwoPassAgglomerative.Cluster(embeddings, new TwoPassOptions(0.4, 1.6));
        Assert.True(tooLoose.Max() < People - 1);
    }

    [Fact]
    public void SweepGridEqualsClusteringEachSetting()
    {
        var (embeddings, _, _) = PlantedPeople(seed: 2, facesPerLook: 8);
        var sweep = new TwoPassSweep(embeddings);
        var outcomes = new HashSet<int>();
        foreach (var p1 in new[] { 0.02, 0.3, 0.4, 0.6 })
        {
            foreach (var p2 in new[] { 0.2, 0.6, 1.2, 0.4 })
            {
                var options = new TwoPassOptions(p1, p2);
                var expected = TwoPassAgglomerative.Cluster(embeddings, options);
                Assert.Equal(expected, sweep.Labels(options));
                outcomes.Add(expected.Max());
            }
        }

        Assert.True(outcomes.Count >= 3, "the grid should produce different clusterings");
    }

    [Fact]
    public void CentroidIsTheElementWiseMedianThenNormalised()
    {
        // Cluster 0 has three faces (odd: middle value), cluster 1 two (even: mean of the two).
        float[] data =
        [
            3, 0, 4,
            1, 1, 1,
            0, 5, 12,
            1, 0, 0,
            0, 1, 0,
        ];
        var embeddings = EmbeddingMatrix.FromRowMajor(data, 5, 3);
        var centroids = ClusterMedians.Compute(embeddings, [0, 0, 0, 1, 1], 2);

        float[] raw0 =
        [
            Median(embeddings.Row(0)[0], embeddings.Row(1)[0], embeddings.Row(2)[0]),
            Median(embeddings.Row(0)[1], embeddings.Row(1)[1], embeddings.Row(2)[1]),
            Median(embeddings.Row(0)[2], embeddings.Row(1)[2], embeddings.Row(2)[2]),
        ];
        var norm0 = MathF.Sqrt(raw0.Sum(v => v * v));
        for (var k = 0; k < 3; k++)
        {
            Assert.Equal(raw0[k] / norm0, centroids.Row(0)[k], 5);
        }

        Assert.Equal(MathF.Sqrt(0.5f), centroids.Row(1)[0], 5);
        Assert.Equal(MathF.Sqrt(0.5f), centroids.Row(1)[1], 5);
        Assert.Equal(0f, centroids.Row(1)[2], 5);
    }

    [Theory]
    [InlineData(0, 0.6)]
    [InlineData(0.4, 0)]
    [InlineData(2.1, 0.6)]
    [InlineData(0.4, double.NaN)]
    public void RejectsOutOfRangeDistances(double pass1, double pass2)
    {
        var e = Assert.Throws<FaceEvalException>(() => new TwoPassOptions(pass1, pass2));
        Assert.Equal(ErrorKind.Usage, e.Kind);
    }

    [Fact]
    public void DefaultsAreTheDocumentedOnes()
    {
        var o = new TwoPassOptions();
        Assert.Equal((0.4, 0.6), (o.Pass1Distance, o.Pass2Distance));
    }

    private static float Median(float a, float b, float c) => new[] { a, b, c }.Order().ElementAt(1);

    /// <summary>
    /// People on random directions; each person has two looks whose centres are at cosine distance 0.5
    /// (two orthogonal offsets of length 1 from the person's direction), faces tightly around each look.
    /// </summary>
    private static (EmbeddingMatrix Embeddings, int[] Person, int[] Look) PlantedPeople(int seed, int facesPerLook)
    {
        const int dim = 48;
        var rng = new Random(seed);
        var n = People * LooksPerPerson * facesPerLook;
        var data = new float[n * dim];
        var person = new int[n];
        var look = new int[n];
        var order = Enumerable.Range(0, n).OrderBy(_ => rng.Next()).ToArray();
        var face = 0;
        for (var p = 0; p < People; p++)
        {
            var basis = Orthonormal(rng, dim, 1 + LooksPerPerson);
            for (var l = 0; l < LooksPerPerson; l++)
            {
                for (var f = 0; f < facesPerLook; f++, face++)
                {
                    var i = order[face];
                    person[i] = p;
                    look[i] = p * LooksPerPerson + l;
                    for (var k = 0; k < dim; k++)
                    {
                        data[i * dim + k] = (float)(basis[0][k] + basis[1 + l][k] + 0.25 * Normal(rng) / Math.Sqrt(dim));
                    }
                }
            }
        }

        return (EmbeddingMatrix.FromRowMajor(data, n, dim), person, look);
    }

    private static double[][] Orthonormal(Random rng, int dim, int count)
    {
        var vectors = new List<double[]>();
        while (vectors.Count < count)
        {
            var v = Enumerable.Range(0, dim).Select(_ => Normal(rng)).ToArray();
            foreach (var u in vectors)
            {
                var dot = v.Zip(u, (a, b) => a * b).Sum();
                for (var k = 0; k < dim; k++)
                {
                    v[k] -= dot * u[k];
                }
            }

            var norm = Math.Sqrt(v.Sum(x => x * x));
            vectors.Add(v.Select(x => x / norm).ToArray());
        }

        return vectors.ToArray();
    }

    private static double Normal(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
