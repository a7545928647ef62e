namespace FaceEval.Core.Algorithms;

/// <summary>How HDBSCAN picks flat clusters from its condensed tree.</summary>
public enum ClusterSelectionMethod
{
    /// <summary>Excess of mass: the most stable non-overlapping clusters (fewer, larger clusters).</summary>
    ExcessOfMass,

    /// <summary>The leaves of the condensed tree (many small, homogeneous clusters).</summary>
    Leaf,
}
