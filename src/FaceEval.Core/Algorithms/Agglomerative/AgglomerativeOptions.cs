using FaceEval.Core.Hierarchy;

namespace FaceEval.Core.Algorithms;

/// <summary>Settings of <see cref="Agglomerative.Cluster"/>; valid by construction (see <see cref="Parameters"/>).</summary>
public sealed record AgglomerativeOptions
{
    /// <summary>Name, default, range and meaning of each setting, as --set, sweeps and <c>faceeval algorithms</c> know them; every property checks its value against this.</summary>
    public static IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        ParameterSpec.Choice("linkage", Linkage.Average, "how the distance between two clusters is measured (average is unweighted UPGMA)"),
        ParameterSpec.Real("distanceThreshold", 0.5, 0, 2, "clusters merge while their linkage distance (cosine) is < distanceThreshold"),
    ];

    public AgglomerativeOptions(Linkage linkage, double distanceThreshold)
    {
        Linkage = linkage;
        DistanceThreshold = distanceThreshold;
    }

    /// <summary>Cluster-to-cluster distance.</summary>
    public Linkage Linkage { get; init => field = Parameters.Checked(value); }

    /// <summary>Cosine distance: clusters merge while their linkage distance is strictly below it (<c>&lt;</c>), as in scikit-learn.</summary>
    public double DistanceThreshold { get; init => field = Parameters.Checked(value); }

    public static AgglomerativeOptions From(ParameterSet parameters) =>
        new(parameters.Choice<Linkage>("linkage"), parameters.Real("distanceThreshold"));
}
