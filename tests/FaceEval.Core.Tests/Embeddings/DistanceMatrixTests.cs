using FaceEval.Core.Embeddings;
using FaceEval.Core.Neighbors;

namespace FaceEval.Core.Tests.Embeddings;

public class DistanceMatrixTests
{
    [Fact]
    public void MatchesPairwiseDistancesAcrossBlockBoundaries()
    {
        var rng = new Random(7);
        const int n = 150, d = 9;
        var data = new float[n * d];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (float)(rng.NextDouble() * 2 - 1);
        }

        var m = EmbeddingMatrix.FromRowMajor(data, n, d);
        var dist = DistanceMatrix.Compute(m);

        for (var a = 0; a < n; a += 7)
        {
            for (var b = 0; b < n; b += 5)
            {
                var expected = a == b ? 0f : Math.Max(0f, m.Distance(a, b));
                Assert.Equal(expected, dist[a, b], 1e-5f); // a tolerance, not rounding to 5 decimals, which fails across a rounding boundary
                Assert.Equal(dist[a, b], dist[b, a]);
            }
        }
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(191, 37)]
    [InlineData(413, 37)]
    public void EveryCellIsTheClampedCosineDistanceAndTheMatrixIsExactlySymmetric(int n, int d)
    {
        // 413 rows span three tiles of 192 with a ragged last one and padded micro-tiles.
        var rng = new Random(n);
        var data = new float[n * d];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (float)(rng.NextDouble() * 2 - 1);
        }

        // Duplicate rows give distances that round below zero and must clamp to 0.
        if (n > 10)
        {
            Array.Copy(data, 0, data, 5 * d, d);
        }

        var m = EmbeddingMatrix.FromRowMajor(data, n, d);
        var dist = DistanceMatrix.Compute(m);
        Assert.Equal(n, dist.Count);
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                var dot = 0.0;
                for (var k = 0; k < d; k++)
                {
                    dot += (double)m.Row(a)[k] * m.Row(b)[k];
                }

                var expected = a == b ? 0.0 : Math.Max(0.0, 1.0 - dot);
                Assert.True(Math.Abs(dist[a, b] - expected) < 1e-5, $"({a}, {b}): {dist[a, b]} vs {expected}");
                Assert.True(dist[a, b] >= 0f);
                Assert.Equal(dist[a, b], dist[b, a]);
            }
        }
    }

    [Fact]
    public void SharesItsProductsWithTheNeighbourGraph()
    {
        // One kernel behind both structures: the graph built from embeddings and the graph read off the
        // matrix hold bit-identical distances.
        var rng = new Random(3);
        const int n = 450, d = 64;
        var data = new float[n * d];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (float)(rng.NextDouble() * 2 - 1);
        }

        var m = EmbeddingMatrix.FromRowMajor(data, n, d);
        var direct = KnnGraph.Build(m, 10);
        var viaMatrix = KnnGraph.FromDistances(DistanceMatrix.Compute(m), 10);
        Assert.Equal(direct.NeighborData.ToArray(), viaMatrix.NeighborData.ToArray());
        Assert.Equal(direct.DistanceData.ToArray(), viaMatrix.DistanceData.ToArray());
    }
}
