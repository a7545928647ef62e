namespace FaceEval.Core.Tests.Synthetic;

/// <summary>
/// Cosine-distance quantiles measured on the real snapshots (model arcface_w600k_mbf_int8) by
/// tools/fixtures/measure_real_distances.py; docs/synthetic.md lists them with the generated ones.
/// A generated quantile passes when it lies between FIW's and LFW's, widened by <see cref="Margin"/>.
/// </summary>
internal static class RealDistances
{
    public const double Margin = 0.03;

    public static readonly int[] Quantiles = [5, 25, 50, 75, 95];

    public static (double[] Fiw, double[] Lfw) Of(string kind) => kind switch
    {
        "same" => ([0.282, 0.419, 0.538, 0.679, 0.899], [0.229, 0.336, 0.412, 0.491, 0.622]),
        "diff" => ([0.857, 0.931, 0.977, 1.022, 1.085], [0.875, 0.942, 0.986, 1.030, 1.092]),
        "sibling" => ([0.636, 0.768, 0.849, 0.920, 1.007], [0.698, 0.855, 0.908, 0.929, 0.981]),
        "centroid" => ([0.142, 0.207, 0.268, 0.364, 0.556], [0.137, 0.180, 0.218, 0.266, 0.364]),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
