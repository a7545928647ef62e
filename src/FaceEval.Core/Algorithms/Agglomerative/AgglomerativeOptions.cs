using FaceEval.Core.Errors;
using FaceEval.Core.Hierarchy;

namespace FaceEval.Core.Algorithms;

/// <summary>Settings of <see cref="Agglomerative.Cluster"/>, validated on construction.</summary>
public sealed record AgglomerativeOptions
{
    /// <param name="linkage">Cluster-to-cluster distance.</param>
    /// <param name="distanceThreshold">
    /// Cosine distance in [0, 2]: clusters merge while their linkage distance is strictly below it
    /// (<c>&lt;</c>), as in scikit-learn.
    /// </param>
    public AgglomerativeOptions(Linkage linkage, double distanceThreshold)
    {
        if (!Enum.IsDefined(linkage))
        {
            throw new FaceEvalException(ErrorKind.Usage, $"unknown linkage {(int)linkage}; valid: average, complete, single");
        }

        if (!(distanceThreshold >= 0 && distanceThreshold <= 2))
        {
            throw new FaceEvalException(ErrorKind.Usage, $"distanceThreshold must be a cosine distance in [0, 2], got {distanceThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }

        Linkage = linkage;
        DistanceThreshold = distanceThreshold;
    }

    public Linkage Linkage { get; }

    public double DistanceThreshold { get; }
}
