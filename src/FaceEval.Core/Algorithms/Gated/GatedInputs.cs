using FaceEval.Core.Embeddings;
using FaceEval.Core.Errors;
using FaceEval.Core.Graphs;
using FaceEval.Core.Neighbors;

namespace FaceEval.Core.Algorithms;

/// <summary>
/// What <see cref="GatedPipeline"/> replays. All per-face arrays have one entry per embedding row.
/// </summary>
/// <param name="Embeddings">Face embeddings (for person and cluster centroids).</param>
/// <param name="Distances">Their pairwise distances (for centroid distances on arrival and cohesion); null
/// when <paramref name="Neighbors"/> is given.</param>
/// <param name="ArrivalOrder">A permutation of face indices: photo time order (taken_at), else photo order.</param>
/// <param name="PhotoOfFace">Photo id per face (any non-negative ids), for <see cref="GatedOptions.MinPhotos"/>.</param>
/// <param name="TruePerson">Ground-truth person per face, -1 when unlabelled. Read only by the simulated user
/// who names people; no automatic step sees it.</param>
/// <param name="Weights">Centroid weight per face (e.g. detector score), positive; null means every face weighs 1.</param>
/// <param name="ClusterGraph">Optional precomputed graph over all faces whose <see cref="FaceGraph.Bound"/> is at
/// least the clustering distance; a sweep that keeps ClusterDistance fixed builds it once and shares it.
/// Null: built from <paramref name="Distances"/> (or <paramref name="Neighbors"/>) on each run.</param>
/// <param name="Neighbors">The k-nearest-neighbour graph to run on instead of the matrix (the graph form,
/// <see cref="GatedGraphGeometry"/>); exactly one of it and <paramref name="Distances"/> is given.</param>
public sealed record GatedInputs(
    EmbeddingMatrix Embeddings,
    DistanceMatrix? Distances,
    int[] ArrivalOrder,
    int[] PhotoOfFace,
    int[] TruePerson,
    float[]? Weights = null,
    FaceGraph? ClusterGraph = null,
    NeighborGraph? Neighbors = null)
{
    public int Count => Embeddings.Count;

    /// <summary>Throws a <see cref="FaceEvalException"/> on any length mismatch or bad entry.</summary>
    public GatedInputs Validate()
    {
        ArgumentNullException.ThrowIfNull(Embeddings);
        ArgumentNullException.ThrowIfNull(PhotoOfFace);
        ArgumentNullException.ThrowIfNull(TruePerson);
        var n = Embeddings.Count;
        if ((Distances is null) == (Neighbors is null))
        {
            throw new ArgumentException("give exactly one of the distance matrix and the neighbour graph");
        }

        var covered = Distances?.Count ?? Neighbors!.Count;
        if (covered != n)
        {
            throw new FaceEvalException(ErrorKind.DimensionMismatch, $"{(Distances is null ? "neighbour graph" : "distance matrix")} covers {covered} faces, embeddings {n}");
        }

        Algorithms.ArrivalOrder.Validate(ArrivalOrder, n);
        Length(nameof(PhotoOfFace), PhotoOfFace.Length, n);
        Length(nameof(TruePerson), TruePerson.Length, n);
        for (var i = 0; i < n; i++)
        {
            if (PhotoOfFace[i] < 0)
            {
                throw new FaceEvalException(ErrorKind.InvalidData, $"face {i} has negative photo id {PhotoOfFace[i]}");
            }

            if (TruePerson[i] < -1)
            {
                throw new FaceEvalException(ErrorKind.InvalidData, $"face {i} has ground-truth person {TruePerson[i]}; use -1 for unlabelled");
            }
        }

        if (Weights is not null)
        {
            Length(nameof(Weights), Weights.Length, n);
            for (var i = 0; i < n; i++)
            {
                if (!(Weights[i] > 0f) || !float.IsFinite(Weights[i]))
                {
                    throw new FaceEvalException(ErrorKind.InvalidData, $"face {i} has weight {Weights[i]}; weights must be positive and finite");
                }
            }
        }

        if (ClusterGraph is not null && ClusterGraph.NodeCount != n)
        {
            throw new FaceEvalException(ErrorKind.DimensionMismatch, $"cluster graph has {ClusterGraph.NodeCount} nodes for {n} faces");
        }

        return this;
    }

    /// <summary>What the pipeline reads distances from: the matrix, or the graph and the embeddings.</summary>
    internal IGatedGeometry Geometry() =>
        Neighbors is null ? new GatedMatrixGeometry(Distances!, Weights) : new GatedGraphGeometry(Embeddings, Neighbors);

    private static void Length(string name, int length, int n)
    {
        if (length != n)
        {
            throw new FaceEvalException(ErrorKind.DimensionMismatch, $"{name} has {length} entries for {n} faces");
        }
    }
}
