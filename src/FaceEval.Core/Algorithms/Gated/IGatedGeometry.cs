using FaceEval.Core.Graphs;

namespace FaceEval.Core.Algorithms;

/// <summary>
/// Everything <see cref="GatedPipeline"/> asks about distances: the nearest people of an arriving face,
/// the cohesion of a face set, and the leftover-clustering graph. Answered from the full matrix
/// (<see cref="GatedMatrixGeometry"/>) or from a neighbour graph and the embeddings (<see cref="GatedGraphGeometry"/>).
/// </summary>
internal interface IGatedGeometry
{
    /// <summary>
    /// The alive person whose centroid is nearest to <paramref name="face"/> and the second nearest (-1 and
    /// infinity when there is none), by cosine distance to the centroid direction.
    /// </summary>
    (int Nearest, double D1, int Second, double D2) NearestPeople(int face, IReadOnlyList<GatedPerson> people, int[] personOf, IReadOnlyList<int> assigned);

    /// <summary>Whether the 90th percentile of the pairwise distances of <paramref name="faces"/> is within <paramref name="limit"/>.</summary>
    bool Cohesive(IReadOnlyList<int> faces, double limit);

    /// <summary>The graph over all faces with an edge wherever two faces are closer than <paramref name="below"/> (as far as the structure knows).</summary>
    FaceGraph ClusterGraph(float below);
}
