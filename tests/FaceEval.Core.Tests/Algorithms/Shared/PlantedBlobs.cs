using FaceEval.Core.Embeddings;

namespace FaceEval.Core.Tests.Algorithms;

/// <summary>Gaussian blobs on the unit sphere plus uniform noise, with the planted labels (-1 = noise).</summary>
internal static class PlantedBlobs
{
    public static (EmbeddingMatrix Embeddings, int[] Truth) Make(int dimension, (int Size, double Sigma)[] blobs, int noise, int seed)
    {
        var rng = new Random(seed);
        double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

        var rows = new List<float[]>();
        var truth = new List<int>();
        for (var b = 0; b < blobs.Length; b++)
        {
            var center = new double[dimension];
            for (var t = 0; t < dimension; t++)
            {
                center[t] = Gaussian();
            }

            var norm = Math.Sqrt(center.Sum(v => v * v));
            for (var i = 0; i < blobs[b].Size; i++)
            {
                rows.Add([.. center.Select(c => (float)(c / norm + blobs[b].Sigma * Gaussian()))]);
                truth.Add(b);
            }
        }

        for (var i = 0; i < noise; i++)
        {
            rows.Add([.. Enumerable.Range(0, dimension).Select(_ => (float)Gaussian())]);
            truth.Add(-1);
        }

        // Shuffle so that clusters are not contiguous in index order.
        var order = Enumerable.Range(0, rows.Count).OrderBy(_ => rng.Next()).ToArray();
        var data = order.SelectMany(i => rows[i]).ToArray();
        return (EmbeddingMatrix.FromRowMajor(data, rows.Count, dimension), [.. order.Select(i => truth[i])]);
    }

    /// <summary>Adjusted Rand index of two labelings (every label, -1 included, is a class).</summary>
    public static double AdjustedRand(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        var n = a.Count;
        static double Pairs(long x) => x * (x - 1) / 2.0;
        var cells = new Dictionary<(int, int), long>();
        var rowsums = new Dictionary<int, long>();
        var colsums = new Dictionary<int, long>();
        for (var i = 0; i < n; i++)
        {
            cells[(a[i], b[i])] = cells.GetValueOrDefault((a[i], b[i])) + 1;
            rowsums[a[i]] = rowsums.GetValueOrDefault(a[i]) + 1;
            colsums[b[i]] = colsums.GetValueOrDefault(b[i]) + 1;
        }

        var index = cells.Values.Sum(Pairs);
        var sa = rowsums.Values.Sum(Pairs);
        var sb = colsums.Values.Sum(Pairs);
        var expected = sa * sb / Pairs(n);
        var max = (sa + sb) / 2;
        return max == expected ? 1.0 : (index - expected) / (max - expected);
    }
}
