using FaceEval.Core.Graphs;

namespace FaceEval.Core.Algorithms;

/// <summary>
/// Gated assignment with leftover clustering and a simulated user who names clusters (see
/// <see cref="GatedOptions"/> for every parameter's meaning and source). The leftover-clustering graph
/// is built once per clusterDistance and shared by every setting of a sweep.
/// </summary>
public sealed class GatedAlgorithm : IClusteringAlgorithm
{
    private static readonly GatedOptions Defaults = new();

    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        ParameterSpec.Real("assignDistance", Defaults.AssignDistance, 0.000001, 2, "a face joins the nearest person only if its distance to that centroid is <= assignDistance"),
        ParameterSpec.Real("cohesionMax", Defaults.CohesionMax, 0.000001, 2, "the person's own faces: p90 of their pairwise distances must be <= cohesionMax"),
        ParameterSpec.Integer("minPersonFaces", Defaults.MinPersonFaces, 1, 100_000, "a person attracts new faces only once it has at least this many"),
        ParameterSpec.Real("margin", Defaults.Margin, 0, 2, "the second-nearest person must be at least this much farther (d2 - d1 >= margin)"),
        ParameterSpec.Integer("clusterEvery", Defaults.ClusterEvery, 1, 10_000_000, "cluster the unassigned faces after every this many arrivals (and after the last)"),
        ParameterSpec.Real("clusterDistance", Defaults.ClusterDistance, 0.000001, 2, "Chinese Whispers over unassigned faces: edge iff distance < clusterDistance"),
        ParameterSpec.Integer("clusterIterations", Defaults.ClusterIterations, 1, 100_000, "Chinese Whispers passes"),
        ParameterSpec.Choice("clusterEdgeWeight", Defaults.ClusterEdgeWeight, "Chinese Whispers edge weight"),
        ParameterSpec.Integer("minPhotos", Defaults.MinPhotos, 1, 100_000, "a new cluster becomes a person only if it spans at least this many photos"),
        ParameterSpec.Real("clusterCohesionMax", Defaults.ClusterCohesionMax, 0.000001, 2, "...and its pairwise p90 is <= this"),
        ParameterSpec.Real("foldDistance", Defaults.FoldDistance, 0.000001, 2, "an unnamed cluster folds into a named person only if their centroids are <= this apart"),
        ParameterSpec.Real("foldCohesionMax", Defaults.FoldCohesionMax, 0.000001, 2, "...and the cluster's pairwise p90 is <= this"),
        ParameterSpec.Real("foldMaxRelativeSize", Defaults.FoldMaxRelativeSize, 0, 1000, "...and it has at most this fraction of the person's faces"),
        ParameterSpec.Real("foldMargin", Defaults.FoldMargin, 0, 2, "...and the second-nearest named person is at least this much farther"),
        ParameterSpec.Integer("nameMinFaces", Defaults.NameMinFaces, 1, 100_000, "the simulated user names a person of at least this many faces..."),
        ParameterSpec.Real("namePurity", Defaults.NamePurity, 0, 1, "...whose majority true person holds at least this fraction of it"),
    ];

    public int[] Cluster(ClusteringContext context, ParameterSet p, int seed)
    {
        var options = new GatedOptions(
            p.Real("assignDistance"), p.Real("cohesionMax"), p.Integer("minPersonFaces"), p.Real("margin"), p.Integer("clusterEvery"),
            p.Real("clusterDistance"), p.Integer("clusterIterations"), p.Choice<EdgeWeight>("clusterEdgeWeight"), p.Integer("minPhotos"),
            p.Real("clusterCohesionMax"), p.Real("foldDistance"), p.Real("foldCohesionMax"), p.Real("foldMaxRelativeSize"), p.Real("foldMargin"),
            p.Integer("nameMinFaces"), p.Real("namePurity")).Validate();
        var graph = context.Cache($"graph/{options.ClusterDistance:R}", () => FaceGraph.FromDistances(context.Distances, (float)options.ClusterDistance));
        var inputs = new GatedInputs(context.Embeddings, context.Distances, context.ArrivalOrder, context.PhotoIndex, context.Truth, ClusterGraph: graph);
        return GatedPipeline.Run(inputs, options, seed).Labels;
    }
}
