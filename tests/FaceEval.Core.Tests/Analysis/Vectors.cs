using FaceEval.Core.Embeddings;

namespace FaceEval.Core.Tests.Analysis;

/// <summary>Hand-made embeddings: unit vectors at given angles in a plane, or explicit rows.</summary>
internal static class Vectors
{
    /// <summary>2-D unit vectors at the given angles (degrees); cosine distance between two is 1 - cos(difference).</summary>
    public static EmbeddingMatrix AtAngles(params double[] degrees)
    {
        var data = new float[degrees.Length * 2];
        for (var i = 0; i < degrees.Length; i++)
        {
            data[2 * i] = (float)Math.Cos(degrees[i] * Math.PI / 180);
            data[2 * i + 1] = (float)Math.Sin(degrees[i] * Math.PI / 180);
        }

        return EmbeddingMatrix.FromRowMajor(data, degrees.Length, 2);
    }

    public static double Distance(double degreesA, double degreesB) => 1 - Math.Cos((degreesA - degreesB) * Math.PI / 180);
}
