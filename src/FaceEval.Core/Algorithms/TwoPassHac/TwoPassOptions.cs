namespace FaceEval.Core.Algorithms;

/// <summary>Settings of <see cref="TwoPassAgglomerative"/>; valid by construction (see <see cref="Parameters"/>).</summary>
public sealed record TwoPassOptions
{
    /// <summary>Name, default, range and meaning of each setting, as --set, sweeps and <c>faceeval algorithms</c> know them; every property checks its value against this.</summary>
    public static IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        ParameterSpec.Real("pass1Distance", 0.4, 0.000001, 2, "pass 1: average linkage over faces merges while the distance (cosine) is < pass1Distance"),
        ParameterSpec.Real("pass2Distance", 0.6, 0.000001, 2, "pass 2: average linkage over element-wise-median centroids merges while < pass2Distance"),
    ];

    /// <summary>The declared defaults.</summary>
    public TwoPassOptions()
    {
    }

    public TwoPassOptions(double pass1Distance, double pass2Distance)
    {
        Pass1Distance = pass1Distance;
        Pass2Distance = pass2Distance;
    }

    /// <summary>Cosine distance: average linkage over faces merges while below it (<c>&lt;</c>).</summary>
    public double Pass1Distance { get; init => field = Parameters.Checked(value); } = Parameters.DefaultReal(nameof(Pass1Distance));

    /// <summary>Cosine distance: average linkage over the pass-1 median centroids merges while below it (<c>&lt;</c>).</summary>
    public double Pass2Distance { get; init => field = Parameters.Checked(value); } = Parameters.DefaultReal(nameof(Pass2Distance));

    public static TwoPassOptions From(ParameterSet parameters) => new(parameters.Real("pass1Distance"), parameters.Real("pass2Distance"));
}
