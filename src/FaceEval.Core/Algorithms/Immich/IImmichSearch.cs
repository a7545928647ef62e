namespace FaceEval.Core.Algorithms;

/// <summary>
/// The replay's only view of distances: for a queued face, how many faces lie within maxDistance and
/// which of them with a person is nearest; answered from the matrix or from a neighbour graph.
/// </summary>
internal interface IImmichSearch
{
    int Count { get; }

    /// <summary>Searches so far that had to go past the neighbour structure to an exact scan.</summary>
    long ExactSearches { get; }

    /// <summary>
    /// How many faces, <paramref name="face"/> itself included, lie within <paramref name="maxDistance"/>
    /// (counting stops at <paramref name="enough"/>), and the nearest of them that has a person (equal
    /// distances to the lower index), or -1.
    /// </summary>
    (int Within, int NearestWithPerson) Search(int face, int[] person, float maxDistance, int enough);

    /// <summary><paramref name="face"/> has just been given a person.</summary>
    void Assigned(int face);

    /// <summary>Every person has been forgotten (a reset job).</summary>
    void Forget();
}
