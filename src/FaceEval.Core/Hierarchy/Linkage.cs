namespace FaceEval.Core.Hierarchy;

/// <summary>How the distance between two clusters follows from the distances between their faces.</summary>
public enum Linkage
{
    /// <summary>Unweighted mean of all cross-cluster face distances (UPGMA, as scikit-learn's 'average').</summary>
    Average,

    /// <summary>Largest cross-cluster face distance.</summary>
    Complete,

    /// <summary>Smallest cross-cluster face distance.</summary>
    Single,
}
