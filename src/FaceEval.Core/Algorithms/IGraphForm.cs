namespace FaceEval.Core.Algorithms;

/// <summary>
/// An algorithm that also runs on a k-nearest-neighbour graph (<c>--neighbors exact</c>), reading
/// <see cref="ClusteringContext.Graph"/> when <see cref="ClusteringContext.Neighbors"/> is a graph.
/// </summary>
public interface IGraphForm
{
    /// <summary>The smallest k this setting can run on, with the reason, e.g. DBSCAN's minSamples.</summary>
    (int K, string Why) NeighborsNeeded(ParameterSet parameters);
}
