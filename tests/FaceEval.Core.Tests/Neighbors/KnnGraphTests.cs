using FaceEval.Core.Embeddings;
using FaceEval.Core.Errors;
using FaceEval.Core.Neighbors;

namespace FaceEval.Core.Tests.Neighbors;

public class KnnGraphTests
{
    private static EmbeddingMatrix Random(int n, int d, int seed)
    {
        var rng = new Random(seed);
        var data = new float[n * d];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (float)(rng.NextDouble() * 2 - 1);
        }

        return EmbeddingMatrix.FromRowMajor(data, n, d);
    }

    /// <summary>Brute force in double precision: (distance, index) sorted, self excluded.</summary>
    private static (double Distance, int Index)[] BruteForce(EmbeddingMatrix m, int i)
    {
        var result = new List<(double, int)>();
        var a = m.Row(i);
        for (var j = 0; j < m.Count; j++)
        {
            if (j == i)
            {
                continue;
            }

            var b = m.Row(j);
            double dot = 0;
            for (var t = 0; t < a.Length; t++)
            {
                dot += (double)a[t] * b[t];
            }

            result.Add((Math.Max(0, 1 - dot), j));
        }

        return [.. result.OrderBy(x => x.Item1).ThenBy(x => x.Item2)];
    }

    private static void AssertMatchesBruteForce(EmbeddingMatrix m, KnnGraph g, int k)
    {
        const double tol = 1e-5;
        Assert.Equal(m.Count, g.Count);
        Assert.Equal(k, g.K);
        var checkedPositions = 0;
        for (var i = 0; i < m.Count; i++)
        {
            var expected = BruteForce(m, i);
            var nb = g.Neighbors(i);
            var ds = g.Distances(i);
            for (var p = 0; p < k; p++)
            {
                Assert.Equal(expected[p].Distance, ds[p], tol);
                Assert.NotEqual(i, nb[p]);
                if (p > 0)
                {
                    Assert.True(ds[p - 1] <= ds[p], $"row {i} not sorted at {p}");
                }

                // The neighbour at p is determined only when no other candidate is within tolerance.
                var isolated = (p == 0 || expected[p].Distance - expected[p - 1].Distance > tol)
                               && expected[p + 1].Distance - expected[p].Distance > tol;
                if (isolated)
                {
                    Assert.Equal(expected[p].Index, nb[p]);
                    checkedPositions++;
                }
            }

            if (expected[k].Distance - expected[k - 1].Distance > tol)
            {
                Assert.Equal(expected.Take(k).Select(x => x.Index).Order(), nb.ToArray().Order());
            }
        }

        Assert.True(checkedPositions > m.Count * k / 2, "too few positions were checkable");
    }

    [Theory]
    [InlineData(437, 67, 10)] // N not a multiple of the 192-row blocks nor of 12/32; D not a multiple of 16
    [InlineData(200, 512, 32)]
    [InlineData(50, 3, 7)]
    public void BuildEqualsBruteForce(int n, int d, int k)
    {
        var m = Random(n, d, seed: n + d);
        AssertMatchesBruteForce(m, KnnGraph.Build(m, k), k);
    }

    [Fact]
    public void FromDistancesEqualsBruteForce()
    {
        var m = Random(301, 40, seed: 3);
        AssertMatchesBruteForce(m, KnnGraph.FromDistances(DistanceMatrix.Compute(m), 15), 15);
    }

    [Fact]
    public void ScalarKernelGivesBitIdenticalProducts()
    {
        // The vector kernels must compute every product as the same ordered FMA chain as the scalar one.
        var m = Random(40, 37, seed: 11);
        var best = SimilarityKernel.Best;
        var scalar = SimilarityKernel.Scalar;
        float[] Tile(SimilarityKernel kernel)
        {
            var q = new float[48 * 37];
            var db = new float[64 * 37];
            SimilarityKernel.Pack(m.Data, 0, 40, 37, kernel.Mr, q);
            SimilarityKernel.Pack(m.Data, 0, 40, 37, kernel.Nr, db);
            var tile = new float[48 * 64];
            kernel.Multiply(q, (40 + kernel.Mr - 1) / kernel.Mr, db, (40 + kernel.Nr - 1) / kernel.Nr, 37, tile, 64);
            return tile;
        }

        var a = Tile(best);
        var b = Tile(scalar);
        for (var r = 0; r < 40; r++)
        {
            for (var c = 0; c < 40; c++)
            {
                Assert.Equal(b[r * 64 + c], a[r * 64 + c]);
                Assert.Equal(a[r * 64 + c], a[c * 64 + r]);
            }
        }
    }

    [Fact]
    public void TiesAreBrokenByIndex()
    {
        // Rows 0, 3, 5 and 9 are the same vector: each one's nearest are the other copies in index order.
        var basis = Random(12, 8, seed: 5);
        var rows = Enumerable.Range(0, 12).Select(i => i is 3 or 5 or 9 ? 0 : i).ToArray();
        var m = basis.Select(rows);
        foreach (var g in new[] { KnnGraph.Build(m, 4), KnnGraph.FromDistances(DistanceMatrix.Compute(m), 4) })
        {
            Assert.Equal([3, 5, 9], g.Neighbors(0)[..3].ToArray());
            Assert.Equal([0, 3, 9], g.Neighbors(5)[..3].ToArray());
            Assert.Equal(0f, g.Distances(9)[2], 6);
        }
    }

    [Fact]
    public void KAtLeastNMinusOneIsClampedToEveryOtherFace()
    {
        var m = Random(9, 5, seed: 1);
        var g = KnnGraph.Build(m, 100);
        Assert.Equal(8, g.K);
        for (var i = 0; i < 9; i++)
        {
            Assert.Equal(Enumerable.Range(0, 9).Where(j => j != i), g.Neighbors(i).ToArray().Order());
        }

        Assert.Equal(8, KnnGraph.FromDistances(DistanceMatrix.Compute(m), 8).K);
        Assert.Equal(0, KnnGraph.Build(Random(1, 5, seed: 1), 3).K);
    }

    [Fact]
    public void KBelowOneIsAUsageError()
    {
        var ex = Assert.Throws<FaceEvalException>(() => KnnGraph.Build(Random(5, 3, seed: 1), 0));
        Assert.Equal(ErrorKind.Usage, ex.Kind);
    }

    [Fact]
    public void ReportsProgressAndHonoursCancellation()
    {
        var m = Random(500, 16, seed: 2);
        var reports = new List<double>();
        KnnGraph.Build(m, 5, new SyncProgress(reports.Add));
        Assert.Equal(1.0, reports.Max(), 9);

        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => KnnGraph.Build(m, 5, cancellation: cts.Token));
    }

    private sealed class SyncProgress(Action<double> report) : IProgress<double>
    {
        private readonly object _gate = new();

        public void Report(double value)
        {
            lock (_gate)
            {
                report(value);
            }
        }
    }
}
