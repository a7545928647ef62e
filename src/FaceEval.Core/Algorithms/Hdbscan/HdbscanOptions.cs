using FaceEval.Core.Errors;

namespace FaceEval.Core.Algorithms;

/// <summary>
/// Parameters of <see cref="Hdbscan"/>, with the meaning and defaults of scikit-learn 1.3+'s
/// <c>HDBSCAN</c> (which differs from scikit-learn-contrib/hdbscan by one in <see cref="MinSamples"/>).
/// </summary>
public sealed record HdbscanOptions
{
    /// <summary>
    /// Smallest number of faces a cluster may have (&gt;= 2). In the condensed tree a split whose side
    /// has at least this many faces (<c>size &gt;= MinClusterSize</c>) is a new cluster; smaller sides
    /// are faces falling out of their parent cluster.
    /// </summary>
    public int MinClusterSize { get; init; } = 5;

    /// <summary>
    /// Neighbourhood size for the core distance (&gt;= 1, at most N; null = <see cref="MinClusterSize"/>):
    /// a face's core distance is the distance to its MinSamples-th nearest face counting the face itself
    /// (so 1 means core distance 0, i.e. plain single linkage).
    /// </summary>
    public int? MinSamples { get; init; }

    public ClusterSelectionMethod ClusterSelectionMethod { get; init; } = ClusterSelectionMethod.ExcessOfMass;

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
    public double ClusterSelectionEpsilon { get; init; }

    /// <summary><see cref="MinSamples"/>, defaulted.</summary>
    public int EffectiveMinSamples => MinSamples ?? MinClusterSize;

    /// <summary>Throws a Usage <see cref="FaceEvalException"/> naming the first invalid parameter.</summary>
    public void Validate()
    {
        if (MinClusterSize < 2)
        {
            throw new FaceEvalException(ErrorKind.Usage, $"minClusterSize must be at least 2 (got {MinClusterSize})");
        }

        if (MinSamples is < 1)
        {
            throw new FaceEvalException(ErrorKind.Usage, $"minSamples must be at least 1 (got {MinSamples})");
        }

        if (!Enum.IsDefined(ClusterSelectionMethod))
        {
            throw new FaceEvalException(ErrorKind.Usage,
                $"unknown cluster selection method {(int)ClusterSelectionMethod}; valid: {string.Join(", ", Enum.GetNames<ClusterSelectionMethod>())}");
        }

        if (!double.IsFinite(ClusterSelectionEpsilon) || ClusterSelectionEpsilon < 0)
        {
            throw new FaceEvalException(ErrorKind.Usage,
                $"clusterSelectionEpsilon must be a finite distance >= 0 (got {ClusterSelectionEpsilon.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
        }
    }
}
