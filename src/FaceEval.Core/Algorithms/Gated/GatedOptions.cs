using System.Globalization;
using FaceEval.Core.Errors;

namespace FaceEval.Core.Algorithms;

/// <summary>
/// Settings of <see cref="GatedPipeline"/>. All distances are cosine distances <c>1 - cos</c> in (0, 2].
/// The four assignment defaults are the production constants gumnut-ai/demos documents in
/// <c>face-cleanup/README.md</c> ("Tuning", commit 44027dc2ee64e971317a12ac9f8565181a5bbdf6) and
/// <c>face-cleanup/index.html</c> (<c>DISTANCE_GATE 0.35</c>, <c>COHESION_GATE 0.65</c> "assignment
/// pairwise-p90 cap", <c>SIBLING_MARGIN 0.05</c>); the others are ours, chosen as stated on each.
/// </summary>
/// <param name="AssignDistance">Gate 1: a face joins the nearest person only if its distance to that
/// person's centroid is &lt;= this. Default 0.35 (gumnut DISTANCE_GATE).</param>
/// <param name="CohesionMax">Gate 3: the person's own faces must be tight: the 90th percentile (linear
/// interpolation, as numpy) of their pairwise distances must be &lt;= this. Default 0.65 (gumnut COHESION_GATE).</param>
/// <param name="MinPersonFaces">Gate 2: a person attracts faces only once it has at least this many.
/// Default 3 (ours: Immich's minFaces default; a person must be more than a pair before it grows on its own).</param>
/// <param name="Margin">Gate 4: the second-nearest person's centroid must be at least this much farther than
/// the nearest (<c>d2 - d1 &gt;= margin</c>; passes when there is no second person). Default 0.05 (gumnut SIBLING_MARGIN).</param>
/// <param name="ClusterEvery">Unassigned faces are clustered after every this many arrivals, and once more
/// after the last arrival. Default 250 (ours).</param>
/// <param name="ClusterDistance">Chinese Whispers edge threshold over unassigned faces (edge iff distance
/// &lt; this). Default 0.5 (ours: Immich's default face-to-face maxDistance).</param>
/// <param name="ClusterIterations">Chinese Whispers passes. Default 100 (dlib's default).</param>
/// <param name="ClusterEdgeWeight">Chinese Whispers edge weight. Default unit (dlib's).</param>
/// <param name="MinPhotos">A new cluster (at least 2 faces) becomes a person only if its faces span at least
/// this many distinct photos. Default 2 (ours: one photo cannot show the same person twice).</param>
/// <param name="ClusterCohesionMax">...and only if the 90th percentile of its pairwise distances is &lt;= this.
/// Default 0.65 (ours: equal to CohesionMax, so a new person can attract faces at once).</param>
/// <param name="FoldDistance">An unnamed cluster may fold into the nearest named person only if their
/// centroids are &lt;= this apart. Default 0.25 (ours: stricter than AssignDistance).</param>
/// <param name="FoldCohesionMax">...and the cluster's pairwise p90 is &lt;= this. Default 0.5 (ours: stricter than CohesionMax).</param>
/// <param name="FoldMaxRelativeSize">...and the cluster has at most this fraction of the named person's faces
/// (a cluster as large as the person is more likely another identity than its leftovers). Default 0.5 (ours).</param>
/// <param name="FoldMargin">...and the second-nearest named person is at least this much farther. Default 0.1
/// (ours: twice the assignment margin).</param>
/// <param name="NameMinFaces">The simulated user names an unnamed person of at least this many faces...
/// Default 5 (ours).</param>
/// <param name="NamePurity">...whose most frequent ground-truth person holds at least this fraction of its faces
/// (unlabelled faces count against it). If that identity is already named, the user merges the person into
/// the named one instead. Default 0.9 (ours).</param>
/// <param name="CohesionRefreshGrowth">A person's cached cohesion verdict is recomputed exactly while it has at
/// most 32 faces, and beyond that only once it has grown by this fraction since the last check. Default 0.1.</param>
public sealed record GatedOptions(
    double AssignDistance = 0.35,
    double CohesionMax = 0.65,
    int MinPersonFaces = 3,
    double Margin = 0.05,
    int ClusterEvery = 250,
    double ClusterDistance = 0.5,
    int ClusterIterations = 100,
    EdgeWeight ClusterEdgeWeight = EdgeWeight.Unit,
    int MinPhotos = 2,
    double ClusterCohesionMax = 0.65,
    double FoldDistance = 0.25,
    double FoldCohesionMax = 0.5,
    double FoldMaxRelativeSize = 0.5,
    double FoldMargin = 0.1,
    int NameMinFaces = 5,
    double NamePurity = 0.9,
    double CohesionRefreshGrowth = 0.1)
{
    /// <summary>Throws a <see cref="FaceEvalException"/> (Usage) naming the first value out of range.</summary>
    public GatedOptions Validate()
    {
        Distance(nameof(AssignDistance), AssignDistance);
        Distance(nameof(CohesionMax), CohesionMax);
        Distance(nameof(ClusterDistance), ClusterDistance);
        Distance(nameof(ClusterCohesionMax), ClusterCohesionMax);
        Distance(nameof(FoldDistance), FoldDistance);
        Distance(nameof(FoldCohesionMax), FoldCohesionMax);
        Range(nameof(Margin), Margin, 0, 2, "[0, 2]");
        Range(nameof(FoldMargin), FoldMargin, 0, 2, "[0, 2]");
        Range(nameof(FoldMaxRelativeSize), FoldMaxRelativeSize, 0, double.MaxValue, ">= 0");
        Range(nameof(CohesionRefreshGrowth), CohesionRefreshGrowth, 0, 10, "[0, 10]");
        if (!(NamePurity > 0 && NamePurity <= 1))
        {
            Fail(nameof(NamePurity), NamePurity, "(0, 1]");
        }

        AtLeastOne(nameof(MinPersonFaces), MinPersonFaces);
        AtLeastOne(nameof(ClusterEvery), ClusterEvery);
        AtLeastOne(nameof(ClusterIterations), ClusterIterations);
        AtLeastOne(nameof(MinPhotos), MinPhotos);
        AtLeastOne(nameof(NameMinFaces), NameMinFaces);
        if (!Enum.IsDefined(ClusterEdgeWeight))
        {
            throw new FaceEvalException(ErrorKind.Usage, $"gated ClusterEdgeWeight must be one of: {string.Join(", ", Enum.GetNames<EdgeWeight>())}");
        }

        return this;
    }

    private static void Distance(string name, double value)
    {
        if (!(value > 0 && value <= 2))
        {
            Fail(name, value, "(0, 2] (cosine distance)");
        }
    }

    private static void Range(string name, double value, double min, double max, string text)
    {
        if (!(value >= min && value <= max))
        {
            Fail(name, value, text);
        }
    }

    private static void AtLeastOne(string name, int value)
    {
        if (value < 1)
        {
            throw new FaceEvalException(ErrorKind.Usage, $"gated {name} must be >= 1, got {value}");
        }
    }

    private static void Fail(string name, double value, string range) =>
        throw new FaceEvalException(ErrorKind.Usage, $"gated {name} must be in {range}, got {value.ToString(CultureInfo.InvariantCulture)}");
}
