namespace FaceEval.Core.Algorithms;

/// <summary>Settings of <see cref="Dbscan.Cluster"/>; valid by construction (see <see cref="Parameters"/>).</summary>
public sealed record DbscanOptions
{
    /// <summary>Name, default, range and meaning of each setting, as --set, sweeps and <c>faceeval algorithms</c> know them; every property checks its value against this.</summary>
    public static IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        ParameterSpec.Real("eps", 0.5, 0, 2, "neighbourhood radius, cosine distance; a neighbour has distance <= eps"),
        ParameterSpec.Integer("minSamples", 3, 1, 100_000, "faces within eps, itself included, that make a face core"),
    ];

    public DbscanOptions(double eps, int minSamples)
    {
        Eps = eps;
        MinSamples = minSamples;
    }

    /// <summary>Neighbourhood radius as a cosine distance: j is a neighbour of i when d(i, j) <c>&lt;=</c> eps.</summary>
    public double Eps { get; init => field = Parameters.Checked(value); }

    /// <summary>A face is core when at least this many faces, itself included, are its neighbours.</summary>
    public int MinSamples { get; init => field = Parameters.Checked(value); }

    public static DbscanOptions From(ParameterSet parameters) => new(parameters.Real("eps"), parameters.Integer("minSamples"));
}
