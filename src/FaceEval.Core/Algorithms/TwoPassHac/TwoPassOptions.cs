using System.Globalization;
using FaceEval.Core.Errors;

namespace FaceEval.Core.Algorithms;

/// <summary>Settings of <see cref="TwoPassAgglomerative.Cluster(FaceEval.Core.Embeddings.EmbeddingMatrix, TwoPassOptions, CancellationToken)"/>, validated on construction.</summary>
public sealed record TwoPassOptions
{
    /// <param name="pass1Distance">
    /// Cosine distance in (0, 2]: average linkage over faces merges while below it (<c>&lt;</c>).
    /// </param>
    /// <param name="pass2Distance">
    /// Cosine distance in (0, 2]: average linkage over the pass-1 median centroids merges while below it (<c>&lt;</c>).
    /// </param>
    public TwoPassOptions(double pass1Distance = 0.4, double pass2Distance = 0.6)
    {
        Check(nameof(pass1Distance), pass1Distance);
        Check(nameof(pass2Distance), pass2Distance);
        Pass1Distance = pass1Distance;
        Pass2Distance = pass2Distance;
    }

    public double Pass1Distance { get; }

    public double Pass2Distance { get; }

    private static void Check(string name, double value)
    {
        if (!(value > 0 && value <= 2))
        {
            throw new FaceEvalException(ErrorKind.Usage, $"{name} must be a cosine distance in (0, 2], got {value.ToString(CultureInfo.InvariantCulture)}");
        }
    }
}
