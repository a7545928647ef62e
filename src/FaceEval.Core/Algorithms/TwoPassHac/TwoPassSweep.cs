using FaceEval.Core.Embeddings;
using FaceEval.Core.Hierarchy;
using FaceEval.Core.Neighbors;

namespace FaceEval.Core.Algorithms;

/// <summary>
/// <see cref="TwoPassAgglomerative"/> over a grid of (pass1Distance, pass2Distance): the face distance
/// matrix (or graph) and pass-1 dendrogram are built once; each distinct pass1Distance costs one centroid
/// dendrogram, and each pass2Distance only a cut. Results equal <see cref="TwoPassAgglomerative.Cluster(EmbeddingMatrix, TwoPassOptions, CancellationToken)"/>
/// on the matrix. On a graph both passes are sparse average linkage (<see cref="SparseLinkage"/>), pass 2
/// over a graph of the centroids with the faces' k. Not thread-safe.
/// </summary>
public sealed class TwoPassSweep
{
    private readonly EmbeddingMatrix _embeddings;
    private readonly Dendrogram _faces;
    private readonly NeighborGraph? _graph;
    private readonly Dictionary<double, (int[] Pass1, Dendrogram Centroids, NeighborGraph? CentroidGraph)> _byPass1 = [];

    /// <param name="distances">The distance matrix of <paramref name="embeddings"/> if already computed, else null.</param>
    public TwoPassSweep(EmbeddingMatrix embeddings, DistanceMatrix? distances = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        _embeddings = embeddings;
        _faces = Agglomerative.BuildDendrogram(distances ?? DistanceMatrix.Compute(embeddings, cancellation: cancellation), Linkage.Average, cancellation);
    }

    /// <summary>The graph form: pass 1 over <paramref name="graph"/> (of <paramref name="embeddings"/>), pass 2 over a k-nearest-neighbour graph of the centroids.</summary>
    public TwoPassSweep(EmbeddingMatrix embeddings, NeighborGraph graph, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentNullException.ThrowIfNull(graph);
        _embeddings = embeddings;
        _graph = graph;
        _faces = Agglomerative.BuildDendrogram(graph, Linkage.Average, cancellation);
    }

    public int[] Labels(TwoPassOptions options, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var entry = Entry(options.Pass1Distance, cancellation);
        return TwoPassAgglomerative.Compose(entry.Pass1, entry.Centroids.Cut(options.Pass2Distance));
    }

    /// <summary>For the graph form: where <see cref="Labels"/> at <paramref name="options"/> may differ from the full form's.</summary>
    public TwoPassGraphFidelity Fidelity(TwoPassOptions options, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (_graph is null)
        {
            throw new InvalidOperationException("the full form is its own reference");
        }

        var entry = Entry(options.Pass1Distance, cancellation);
        var centroids = entry.CentroidGraph!;
        return new TwoPassGraphFidelity(
            _graph.CutOffCount(options.Pass1Distance, inclusive: false),
            Agglomerative.FacesInPartialClusters(_graph, entry.Pass1),
            centroids.CutOffCount(options.Pass2Distance, inclusive: false),
            Agglomerative.FacesInPartialClusters(centroids, entry.Centroids.Cut(options.Pass2Distance)));
    }

    /// <summary>Neighbours per face of the graph form, for its warnings; null on the matrix.</summary>
    public int? K => _graph?.K;

    private (int[] Pass1, Dendrogram Centroids, NeighborGraph? CentroidGraph) Entry(double pass1Distance, CancellationToken cancellation)
    {
        if (!_byPass1.TryGetValue(pass1Distance, out var entry))
        {
            var pass1 = _faces.Cut(pass1Distance);
            var (tree, graph) = TwoPassAgglomerative.CentroidTree(_embeddings, pass1, _graph?.K, cancellation);
            entry = (pass1, tree, graph);
            _byPass1[pass1Distance] = entry;
        }

        return entry;
    }
}
