namespace FaceEval.Core.Algorithms;

/// <summary>
/// Outcome of <see cref="GatedPipeline.Run"/>.
/// </summary>
/// <param name="Labels">Person per face, 0..k-1 in first-seen order by face index, -1 unassigned.</param>
/// <param name="People">k, the number of people at the end.</param>
/// <param name="PeopleNamed">People the simulated user named.</param>
/// <param name="PeopleCreated">People made from clusters of unassigned faces.</param>
/// <param name="FacesByGate">Faces that joined a person on arrival.</param>
/// <param name="FacesByNewCluster">Faces that became a person through clustering.</param>
/// <param name="FacesByFold">Faces of clusters folded into a named person.</param>
/// <param name="FacesByUserMerge">Faces moved by the simulated user from an unnamed person into the named person
/// of the same identity.</param>
/// <param name="Unassigned">Faces without a person at the end.</param>
/// <param name="ClusteringSteps">Times the unassigned faces were clustered.</param>
/// <param name="Rejections">Arrivals refused by each gate.</param>
public sealed record GatedResult(
    int[] Labels,
    int People,
    int PeopleNamed,
    int PeopleCreated,
    int FacesByGate,
    int FacesByNewCluster,
    int FacesByFold,
    int FacesByUserMerge,
    int Unassigned,
    int ClusteringSteps,
    GatedRejections Rejections);
