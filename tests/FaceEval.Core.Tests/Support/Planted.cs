using FaceEval.Core.Embeddings;

namespace FaceEval.Core.Tests.Support;

/// <summary>Synthetic embeddings with a known partition: identities as noisy blobs around unit centres.</summary>
internal static class Planted
{
    public static float[] RandomUnit(Random rng, int dimension)
    {
        var v = new float[dimension];
        double norm = 0;
        for (var k = 0; k < dimension; k++)
        {
            v[k] = (float)Gaussian(rng);
            norm += v[k] * v[k];
        }

        for (var k = 0; k < dimension; k++)
        {
            v[k] /= (float)Math.Sqrt(norm);
        }

        return v;
    }

    /// <summary>A unit centre whose cosine with <paramref name="centre"/> is exactly <paramref name="cosine"/>.</summary>
    public static float[] LookAlike(Random rng, float[] centre, double cosine)
    {
        var u = RandomUnit(rng, centre.Length);
        double dot = 0;
        for (var k = 0; k < u.Length; k++)
        {
            dot += u[k] * centre[k];
        }

        double norm = 0;
        for (var k = 0; k < u.Length; k++)
        {
            u[k] -= (float)(dot * centre[k]);
            norm += u[k] * u[k];
        }

        var sine = Math.Sqrt(1 - cosine * cosine);
        var v = new float[u.Length];
        for (var k = 0; k < u.Length; k++)
        {
            v[k] = (float)(cosine * centre[k] + sine * u[k] / Math.Sqrt(norm));
        }

        return v;
    }

    /// <summary>A face: centre plus isotropic noise of expected length <paramref name="radius"/>.</summary>
    public static float[] Face(Random rng, float[] centre, double radius)
    {
        var sigma = radius / Math.Sqrt(centre.Length);
        var v = new float[centre.Length];
        for (var k = 0; k < v.Length; k++)
        {
            v[k] = centre[k] + (float)(sigma * Gaussian(rng));
        }

        return v;
    }

    /// <summary>Stacks faces (each a raw vector) into a normalised matrix.</summary>
    public static EmbeddingMatrix Matrix(IReadOnlyList<float[]> faces)
    {
        var d = faces[0].Length;
        var data = new float[faces.Count * d];
        for (var i = 0; i < faces.Count; i++)
        {
            faces[i].CopyTo(data, i * d);
        }

        return EmbeddingMatrix.FromRowMajor(data, faces.Count, d);
    }

    /// <summary>Faces on the unit circle at the given angles (degrees), padded to 3 dimensions.</summary>
    public static EmbeddingMatrix Angles(params double[] degrees) =>
        Matrix(degrees.Select(a => new[] { (float)Math.Cos(a * Math.PI / 180), (float)Math.Sin(a * Math.PI / 180), 0f }).ToArray());

    /// <summary>A random permutation of 0..n-1.</summary>
    public static int[] Shuffle(int n, Random rng)
    {
        var order = Enumerable.Range(0, n).ToArray();
        rng.Shuffle(order);
        return order;
    }

    private static double Gaussian(Random rng)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
