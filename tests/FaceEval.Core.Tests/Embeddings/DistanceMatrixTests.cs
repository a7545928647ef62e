using FaceEval.Core.Embeddings;

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
                Assert.Equal(expected, dist[a, b], 5);
                Assert.Equal(dist[a, b], dist[b, a]);
            }
        }
    }
}
