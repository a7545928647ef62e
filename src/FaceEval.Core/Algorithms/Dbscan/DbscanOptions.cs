using System.Globalization;
using FaceEval.Core.Errors;

namespace FaceEval.Core.Algorithms;

/// <summary>Settings of <see cref="Dbscan.Cluster"/>, validated on construction.</summary>
public sealed record DbscanOptions
{
    /// <param name="eps">
    /// Neighbourhood radius as a cosine distance in [0, 2]: j is a neighbour of i when d(i, j) <c>&lt;=</c> eps.
    /// </param>
    /// <param name="minSamples">
    /// A face is core when at least this many faces, itself included, are its neighbours (>= 1).
    /// </param>
    public DbscanOptions(double eps, int minSamples)
    {
        Check(eps, minSamples);
        Eps = eps;
        MinSamples = minSamples;
    }

    public double Eps { get; }

    public int MinSamples { get; }

    internal static void Check(double eps, int minSamples)
    {
        if (!(eps >= 0 && eps <= 2))
        {
            throw new FaceEvalException(ErrorKind.Usage, $"eps must be a cosine distance in [0, 2], got {eps.ToString(CultureInfo.InvariantCulture)}");
        }

        if (minSamples < 1)
        {
            throw new FaceEvalException(ErrorKind.Usage, $"minSamples must be at least 1, got {minSamples}");
        }
    }
}
