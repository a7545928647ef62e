namespace FaceEval.Core.Algorithms;

/// <summary>What one Immich job did.</summary>
/// <param name="Queued">Faces queued by the job (deferrals not counted again).</param>
/// <param name="Deferred">Non-core faces sent once to the end of the queue.</param>
/// <param name="MatchedOnlyItself">Faces skipped because no other face lay within maxDistance.</param>
/// <param name="PeopleCreated">People founded by core faces.</param>
/// <param name="FacesAssigned">Faces given a person (founders included).</param>
/// <param name="StillUnassigned">Faces without a person after the job, over the whole library.</param>
/// <param name="ExactSearches">On a neighbour graph: searches for the nearest face with a person that the
/// graph could not answer (every listed neighbour within maxDistance, none with a person), so they scanned
/// every face with a person; always 0 on the full matrix.</param>
public sealed record ImmichRunStats(
    ImmichRun Run,
    int Queued,
    int Deferred,
    int MatchedOnlyItself,
    int PeopleCreated,
    int FacesAssigned,
    int StillUnassigned,
    long ExactSearches = 0);
