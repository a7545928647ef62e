using System.Globalization;
using FaceEval.Core.Errors;

namespace FaceEval.Core.Algorithms;

/// <summary>
/// Settings of <see cref="GatedPipeline"/>; valid by construction (see <see cref="Parameters"/>). All
/// distances are cosine distances <c>1 - cos</c>.
/// The four assignment defaults are the production constants gumnut-ai/demos documents in
/// <c>face-cleanup/README.md</c> ("Tuning", commit 44027dc2ee64e971317a12ac9f8565181a5bbdf6) and
/// <c>face-cleanup/index.html</c> (<c>DISTANCE_GATE 0.35</c>, <c>COHESION_GATE 0.65</c> "assignment
/// pairwise-p90 cap", <c>SIBLING_MARGIN 0.05</c>); the others are ours, chosen as stated on each.
/// </summary>
public sealed record GatedOptions
{
    /// <summary>Name, default, range and meaning of each setting, as --set, sweeps and <c>faceeval algorithms</c> know them; every property checks its value against this.</summary>
    public static IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        ParameterSpec.Real("assignDistance", 0.35, 0.000001, 2, "a face joins the nearest person only if its distance to that centroid is <= assignDistance"),
        ParameterSpec.Real("cohesionMax", 0.65, 0.000001, 2, "the person's own faces: p90 of their pairwise distances must be <= cohesionMax"),
        ParameterSpec.Integer("minPersonFaces", 3, 1, 100_000, "a person attracts new faces only once it has at least this many"),
        ParameterSpec.Real("margin", 0.05, 0, 2, "the second-nearest person must be at least this much farther (d2 - d1 >= margin)"),
        ParameterSpec.Integer("clusterEvery", 250, 1, 10_000_000, "cluster the unassigned faces after every this many arrivals (and after the last)"),
        ParameterSpec.Real("clusterDistance", 0.5, 0.000001, 2, "Chinese Whispers over unassigned faces: edge iff distance < clusterDistance"),
        ParameterSpec.Integer("clusterIterations", 100, 1, 100_000, "Chinese Whispers passes"),
        ParameterSpec.Choice("clusterEdgeWeight", EdgeWeight.Unit, "Chinese Whispers edge weight"),
        ParameterSpec.Integer("minPhotos", 2, 1, 100_000, "a new cluster becomes a person only if it spans at least this many photos"),
        ParameterSpec.Real("clusterCohesionMax", 0.65, 0.000001, 2, "...and its pairwise p90 is <= this"),
        ParameterSpec.Real("foldDistance", 0.25, 0.000001, 2, "an unnamed cluster folds into a named person only if their centroids are <= this apart"),
        ParameterSpec.Real("foldCohesionMax", 0.5, 0.000001, 2, "...and the cluster's pairwise p90 is <= this"),
        ParameterSpec.Real("foldMaxRelativeSize", 0.5, 0, 1000, "...and it has at most this fraction of the person's faces"),
        ParameterSpec.Real("foldMargin", 0.1, 0, 2, "...and the second-nearest named person is at least this much farther"),
        ParameterSpec.Integer("nameMinFaces", 5, 1, 100_000, "the simulated user names a person of at least this many faces..."),
        ParameterSpec.Real("namePurity", 0.9, 0, 1, "...whose majority true person holds at least this fraction of it", aboveMin: true),
    ];

    /// <summary>
    /// Gate 1: a face joins the nearest person only if its distance to that person's centroid is &lt;= this.
    /// Default 0.35 (gumnut DISTANCE_GATE).
    /// </summary>
    public double AssignDistance { get; init => field = Parameters.Checked(value); } = Parameters.DefaultReal(nameof(AssignDistance));

    /// <summary>
    /// Gate 3: the person's own faces must be tight: the 90th percentile (linear interpolation, as numpy) of
    /// their pairwise distances must be &lt;= this. Default 0.65 (gumnut COHESION_GATE).
    /// </summary>
    public double CohesionMax { get; init => field = Parameters.Checked(value); } = Parameters.DefaultReal(nameof(CohesionMax));

    /// <summary>
    /// Gate 2: a person attracts faces only once it has at least this many. Default 3 (ours: Immich's minFaces
    /// default; a person must be more than a pair before it grows on its own).
    /// </summary>
    public int MinPersonFaces { get; init => field = Parameters.Checked(value); } = Parameters.DefaultInteger(nameof(MinPersonFaces));

    /// <summary>
    /// Gate 4: the second-nearest person's centroid must be at least this much farther than the nearest (<c>d2 -
    /// d1 &gt;= margin</c>; passes when there is no second person). Default 0.05 (gumnut SIBLING_MARGIN).
    /// </summary>
    public double Margin { get; init => field = Parameters.Checked(value); } = Parameters.DefaultReal(nameof(Margin));

    /// <summary>
    /// Unassigned faces are clustered after every this many arrivals, and once more after the last arrival.
    /// Default 250 (ours).
    /// </summary>
    public int ClusterEvery { get; init => field = Parameters.Checked(value); } = Parameters.DefaultInteger(nameof(ClusterEvery));

    /// <summary>
    /// Chinese Whispers edge threshold over unassigned faces (edge iff distance &lt; this). Default 0.5 (ours:
    /// Immich's default face-to-face maxDistance).
    /// </summary>
    public double ClusterDistance { get; init => field = Parameters.Checked(value); } = Parameters.DefaultReal(nameof(ClusterDistance));

    /// <summary>Chinese Whispers passes. Default 100 (dlib's default).</summary>
    public int ClusterIterations { get; init => field = Parameters.Checked(value); } = Parameters.DefaultInteger(nameof(ClusterIterations));

    /// <summary>Chinese Whispers edge weight. Default unit (dlib's).</summary>
    public EdgeWeight ClusterEdgeWeight { get; init => field = Parameters.Checked(value); } = Parameters.DefaultChoice<EdgeWeight>(nameof(ClusterEdgeWeight));

    /// <summary>
    /// A new cluster (at least 2 faces) becomes a person only if its faces span at least this many distinct
    /// photos. Default 2 (ours: one photo cannot show the same person twice).
    /// </summary>
    public int MinPhotos { get; init => field = Parameters.Checked(value); } = Parameters.DefaultInteger(nameof(MinPhotos));

    /// <summary>
    /// ...and only if the 90th percentile of its pairwise distances is &lt;= this. Default 0.65 (ours: equal to
    /// CohesionMax, so a new person can attract faces at once).
    /// </summary>
    public double ClusterCohesionMax { get; init => field = Parameters.Checked(value); } = Parameters.DefaultReal(nameof(ClusterCohesionMax));

    /// <summary>
    /// An unnamed cluster may fold into the nearest named person only if their centroids are &lt;= this apart.
    /// Default 0.25 (ours: stricter than AssignDistance).
    /// </summary>
    public double FoldDistance { get; init => field = Parameters.Checked(value); } = Parameters.DefaultReal(nameof(FoldDistance));

    /// <summary>...and the cluster's pairwise p90 is &lt;= this. Default 0.5 (ours: stricter than CohesionMax).</summary>
    public double FoldCohesionMax { get; init => field = Parameters.Checked(value); } = Parameters.DefaultReal(nameof(FoldCohesionMax));

    /// <summary>
    /// ...and the cluster has at most this fraction of the named person's faces (a cluster as large as the
    /// person is more likely another identity than its leftovers). Default 0.5 (ours).
    /// </summary>
    public double FoldMaxRelativeSize { get; init => field = Parameters.Checked(value); } = Parameters.DefaultReal(nameof(FoldMaxRelativeSize));

    /// <summary>
    /// ...and the second-nearest named person is at least this much farther. Default 0.1 (ours: twice the
    /// assignment margin).
    /// </summary>
    public double FoldMargin { get; init => field = Parameters.Checked(value); } = Parameters.DefaultReal(nameof(FoldMargin));

    /// <summary>The simulated user names an unnamed person of at least this many faces... Default 5 (ours).</summary>
    public int NameMinFaces { get; init => field = Parameters.Checked(value); } = Parameters.DefaultInteger(nameof(NameMinFaces));

    /// <summary>
    /// ...whose most frequent ground-truth person holds at least this fraction of its faces (unlabelled faces
    /// count against it). If that identity is already named, the user merges the person into the named one
    /// instead. Default 0.9 (ours).
    /// </summary>
    public double NamePurity { get; init => field = Parameters.Checked(value); } = Parameters.DefaultReal(nameof(NamePurity));

    /// <summary>
    /// A person's cached cohesion verdict is recomputed exactly while it has at most 32 faces, and beyond that
    /// only once it has grown by this fraction since the last check. Default 0.1.
    /// </summary>
    public double CohesionRefreshGrowth
    {
        get;
        init => field = value is >= 0 and <= 10 ? value
            : throw new FaceEvalException(ErrorKind.Usage, $"gated CohesionRefreshGrowth must be in [0, 10], got {value.ToString(CultureInfo.InvariantCulture)}");
    } = 0.1;

    public static GatedOptions From(ParameterSet p) => new()
    {
        AssignDistance = p.Real("assignDistance"),
        CohesionMax = p.Real("cohesionMax"),
        MinPersonFaces = p.Integer("minPersonFaces"),
        Margin = p.Real("margin"),
        ClusterEvery = p.Integer("clusterEvery"),
        ClusterDistance = p.Real("clusterDistance"),
        ClusterIterations = p.Integer("clusterIterations"),
        ClusterEdgeWeight = p.Choice<EdgeWeight>("clusterEdgeWeight"),
        MinPhotos = p.Integer("minPhotos"),
        ClusterCohesionMax = p.Real("clusterCohesionMax"),
        FoldDistance = p.Real("foldDistance"),
        FoldCohesionMax = p.Real("foldCohesionMax"),
        FoldMaxRelativeSize = p.Real("foldMaxRelativeSize"),
        FoldMargin = p.Real("foldMargin"),
        NameMinFaces = p.Integer("nameMinFaces"),
        NamePurity = p.Real("namePurity"),
    };
}
