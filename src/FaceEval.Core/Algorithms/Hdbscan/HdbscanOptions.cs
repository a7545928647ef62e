namespace FaceEval.Core.Algorithms;

/// <summary>
/// Parameters of <see cref="Hdbscan"/>, with the meaning and defaults of scikit-learn 1.3+'s
/// <c>HDBSCAN</c> (which differs from scikit-learn-contrib/hdbscan by one in <see cref="MinSamples"/>).
/// Valid by construction (see <see cref="Parameters"/>).
/// </summary>
public sealed record HdbscanOptions
{
    /// <summary>Name, default, range and meaning of each setting, as --set, sweeps and <c>faceeval algorithms</c> know them; every property checks its value against this.</summary>
    public static IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        ParameterSpec.Integer("minClusterSize", 5, 2, 1_000_000, "faces a split-off group needs (>=) to count as a cluster"),
        ParameterSpec.Integer("minSamples", 5, 1, 1_000_000, "faces, itself included, whose farthest gives a face's core distance (scikit-learn 1.3+ convention)"),
        ParameterSpec.Choice("clusterSelectionMethod", ClusterSelectionMethod.ExcessOfMass, "excess-of-mass keeps the most stable clusters; leaf keeps the finest"),
        ParameterSpec.Real("clusterSelectionEpsilon", 0, 0, 2, "cosine distance below which chosen clusters are merged into their parent (< epsilon)"),
    ];

    /// <summary>
    /// Smallest number of faces a cluster may have (&gt;= 2). In the condensed tree a split whose side
    /// has at least this many faces (<c>size &gt;= MinClusterSize</c>) is a new cluster; smaller sides
    /// are faces falling out of their parent cluster.
    /// </summary>
    public int MinClusterSize { get; init => field = Parameters.Checked(value); } = Parameters.DefaultInteger(nameof(MinClusterSize));

    /// <summary>
    /// Neighbourhood size for the core distance (&gt;= 1, at most N; null = <see cref="MinClusterSize"/>):
    /// a face's core distance is the distance to its MinSamples-th nearest face counting the face itself
    /// (so 1 means core distance 0, i.e. plain single linkage).
    /// </summary>
    public int? MinSamples { get; init => field = value is { } v ? Parameters.Checked(v) : null; }

    public ClusterSelectionMethod ClusterSelectionMethod { get; init => field = Parameters.Checked(value); } = Parameters.DefaultChoice<ClusterSelectionMethod>(nameof(ClusterSelectionMethod));

    /// <summary>
    /// Whether the root (all non-noise faces in one cluster) may be selected. Off by default, as in the
    /// reference, because excess of mass otherwise tends to pick the root. As in the reference, when
    /// the root is the only cluster, only faces that stay in it until the last split (or, with
    /// <see cref="ClusterSelectionEpsilon"/> &gt; 0, faces leaving it at a distance &lt;= epsilon)
    /// get its label; the others are noise.
    /// </summary>
    public bool AllowSingleCluster { get; init; }

    /// <summary>
    /// Cosine distance (&gt;= 0; 0 = off): a selected cluster that split off its parent at a
    /// mutual-reachability distance &lt; this is replaced by the nearest ancestor that split off at a
    /// distance &gt; this, so clusters closer than epsilon are merged.
    /// </summary>
    public double ClusterSelectionEpsilon { get; init => field = Parameters.Checked(value); } = Parameters.DefaultReal(nameof(ClusterSelectionEpsilon));

    /// <summary><see cref="MinSamples"/>, defaulted.</summary>
    public int EffectiveMinSamples => MinSamples ?? MinClusterSize;

    /// <summary>A setting as --set and sweeps give it; minSamples is capped at the number of faces (as the reference does).</summary>
    public static HdbscanOptions From(ParameterSet parameters, int faces) => new()
    {
        MinClusterSize = parameters.Integer("minClusterSize"),
        MinSamples = Math.Min(parameters.Integer("minSamples"), faces),
        ClusterSelectionMethod = parameters.Choice<ClusterSelectionMethod>("clusterSelectionMethod"),
        ClusterSelectionEpsilon = parameters.Real("clusterSelectionEpsilon"),
    };
}
