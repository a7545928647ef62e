using FaceEval.Core.Embeddings;

namespace FaceEval.Benchmarks;

/// <summary>Seeded synthetic inputs, so every run of a benchmark measures the same work.</summary>
public static class SyntheticData
{
    /// <summary>N random unit vectors of dimension D (Gaussian directions, so uniformly spread on the sphere).</summary>
    public static EmbeddingMatrix UnitVectors(int count, int dimension, int seed)
    {
        var rng = new Random(seed);
        var data = new float[(long)count * dimension];
        for (var i = 0; i < data.Length; i += 2)
        {
            // Box-Muller: two independent normals per pair of uniforms.
            var u = 1.0 - rng.NextDouble();
            var v = rng.NextDouble();
            var r = Math.Sqrt(-2 * Math.Log(u));
            data[i] = (float)(r * Math.Cos(2 * Math.PI * v));
            if (i + 1 < data.Length)
            {
                data[i + 1] = (float)(r * Math.Sin(2 * Math.PI * v));
            }
        }

        return EmbeddingMatrix.FromRowMajor(data, count, dimension);
    }

    /// <summary>
    /// Ground truth with library-like person sizes (a few people with many faces, a long tail) and a
    /// prediction that leaves 5% unassigned and puts 10% in a random cluster.
    /// </summary>
    public static (int[] Truth, int[] Predicted) Labels(int count, int seed)
    {
        var rng = new Random(seed);
        var truth = new int[count];
        var predicted = new int[count];
        var people = Math.Max(1, count / 50);
        for (var i = 0; i < count; i++)
        {
            var person = (int)(people * Math.Pow(rng.NextDouble(), 3));
            truth[i] = person;
            var r = rng.NextDouble();
            predicted[i] = r < 0.05 ? -1 : r < 0.15 ? rng.Next(people) : person;
        }

        return (truth, predicted);
    }
}
