namespace FaceEval.Core.Algorithms;

/// <summary>The step after which a <see cref="GatedSnapshot"/> is taken.</summary>
public enum GatedEvent
{
    /// <summary>A face arrived and passed or failed the gates.</summary>
    Arrival,

    /// <summary>Unassigned faces were clustered and the simulated user named people.</summary>
    Clustering,
}
