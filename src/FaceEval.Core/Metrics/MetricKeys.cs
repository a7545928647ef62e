using FaceEval.Core.Errors;

namespace FaceEval.Core.Metrics;

/// <summary>JSON names, directions and parsing for <see cref="MetricKey"/>.</summary>
public static class MetricKeys
{
    private static readonly string[] s_names =
    [
        "ari", "ami", "nmi", "fmi", "pairwise_precision", "pairwise_recall", "pairwise_f1",
        "bcubed_precision", "bcubed_recall", "bcubed_f1", "homogeneity", "completeness", "v_measure",
        "clusters", "unassigned", "unassigned_rate", "largest_cluster_share", "sibling_confusion", "scored",
    ];

    /// <summary>Every key, in JSON order.</summary>
    public static IReadOnlyList<MetricKey> All { get; } = Enum.GetValues<MetricKey>();

    /// <summary>Every JSON name, in JSON order.</summary>
    public static IReadOnlyList<string> JsonNames { get; } = s_names;

    public static string JsonName(this MetricKey key) => s_names[(int)key];

    public static MetricDirection Direction(this MetricKey key) => key switch
    {
        MetricKey.Clusters or MetricKey.Scored => MetricDirection.Informational,
        MetricKey.Unassigned or MetricKey.UnassignedRate or MetricKey.LargestClusterShare
            or MetricKey.SiblingConfusion => MetricDirection.LowerIsBetter,
        _ => MetricDirection.HigherIsBetter,
    };

    /// <summary>True for the keys whose values are whole counts of faces or clusters.</summary>
    public static bool IsCount(this MetricKey key) =>
        key is MetricKey.Clusters or MetricKey.Unassigned or MetricKey.Scored;

    /// <summary>The key whose JSON name is <paramref name="name"/> (case-insensitive).</summary>
    public static bool TryParse(string? name, out MetricKey key)
    {
        var index = name is null ? -1 : Array.FindIndex(s_names, s => s.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase));
        key = index < 0 ? default : (MetricKey)index;
        return index >= 0;
    }

    /// <summary>Like <see cref="TryParse"/>, but an unknown name throws
    /// <see cref="ErrorKind.UnknownName"/> listing the valid ones.</summary>
    public static MetricKey Parse(string? name) => TryParse(name, out var key)
        ? key
        : throw new FaceEvalException(ErrorKind.UnknownName,
            $"unknown metric '{name}'; valid metrics: {string.Join(", ", s_names)}");
}
