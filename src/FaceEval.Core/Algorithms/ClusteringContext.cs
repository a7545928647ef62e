using System.Collections.Concurrent;
using FaceEval.Core.Embeddings;
using FaceEval.Core.Neighbors;

namespace FaceEval.Core.Algorithms;

/// <summary>
/// Everything an algorithm may read about one snapshot and model, built once and shared by every
/// setting of a sweep: the embeddings, the distance matrix (computed on first use), the arrival order of
/// faces, their photos, and the ground truth (read only by a simulated user, never by the clustering).
/// With <see cref="Neighbors"/> a graph, algorithms that have a graph form (<see cref="IGraphForm"/>)
/// read <see cref="Graph"/> instead of the matrix, which is then never built.
/// Algorithms cache their own reusable structures (a dendrogram, a sorted edge list) in <see cref="Cache"/>,
/// and leave warnings about their result (a graph too sparse for a setting) in <see cref="Warn"/>.
/// </summary>
public sealed class ClusteringContext
{
    private readonly Lazy<DistanceMatrix> _distances;
    private readonly Lazy<NeighborGraph> _graph;
    private readonly ConcurrentDictionary<string, Lazy<object>> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (double Severity, string Message)> _warnings = new(StringComparer.Ordinal);

    /// <param name="neighbors">The structure algorithms read; default the full matrix.</param>
    /// <param name="graph">Supplies the directed graph for a graph <paramref name="neighbors"/> (e.g. from the cache); default: built from the embeddings.</param>
    public ClusteringContext(EmbeddingMatrix embeddings, int[] arrivalOrder, int[] photoIndex, int[] truth, IProgress<double>? distanceProgress = null,
        NeighborChoice? neighbors = null, Func<KnnGraph>? graph = null)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        var n = embeddings.Count;
        if (arrivalOrder.Length != n || photoIndex.Length != n || truth.Length != n)
        {
            throw new ArgumentException("arrival order, photo index and truth must have one entry per face");
        }

        Embeddings = embeddings;
        ArrivalOrder = arrivalOrder;
        PhotoIndex = photoIndex;
        Truth = truth;
        _distances = new Lazy<DistanceMatrix>(() => DistanceMatrix.Compute(embeddings, distanceProgress), LazyThreadSafetyMode.ExecutionAndPublication);
        Neighbors = neighbors ?? NeighborChoice.Full;
        var k = Neighbors.K;
        var index = Neighbors.Index;
        var build = graph ?? (index is null
            ? () => KnnGraph.Build(embeddings, k, distanceProgress)
            : () => InvertedFileIndex.BuildGraph(embeddings, k, index, distanceProgress));
        _graph = new Lazy<NeighborGraph>(
            () => Neighbors.IsGraph ? new NeighborGraph(build()) : throw new InvalidOperationException("this context uses the full matrix; it has no neighbour graph"),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private ClusteringContext(ClusteringContext source)
    {
        Embeddings = source.Embeddings;
        ArrivalOrder = source.ArrivalOrder;
        PhotoIndex = source.PhotoIndex;
        Truth = source.Truth;
        Neighbors = source.Neighbors;
        _distances = Neighbors.IsGraph ? source._distances : new Lazy<DistanceMatrix>(source.Distances);
        _graph = Neighbors.IsGraph ? new Lazy<NeighborGraph>(source.Graph) : source._graph;
    }

    public EmbeddingMatrix Embeddings { get; }

    public int Count => Embeddings.Count;

    /// <summary>A permutation of 0..N-1: the order in which faces reach an incremental pipeline.</summary>
    public int[] ArrivalOrder { get; }

    /// <summary>Dense photo index per face (faces of one photo share it).</summary>
    public int[] PhotoIndex { get; }

    /// <summary>Ground-truth person per face, -1 when unlabelled.</summary>
    public int[] Truth { get; }

    public DistanceMatrix Distances => _distances.Value;

    public bool HasDistances => _distances.IsValueCreated;

    /// <summary>The neighbour structure algorithms read: the full matrix (<see cref="Distances"/>) or a graph (<see cref="Graph"/>).</summary>
    public NeighborChoice Neighbors { get; }

    /// <summary>The k-nearest-neighbour graph, undirected (loaded or built on first use); only when <see cref="Neighbors"/> is a graph.</summary>
    public NeighborGraph Graph => _graph.Value;

    /// <summary>Builds (or loads) the structure <see cref="Neighbors"/> names, so its cost is not charged to the first setting.</summary>
    public void Prepare()
    {
        if (Neighbors.IsGraph)
        {
            _ = Graph;
        }
        else
        {
            _ = Distances;
        }
    }

    /// <summary>
    /// A context over the same faces that shares this one's neighbour structure (building it now if
    /// needed) but none of its cached structures, so an algorithm run on it does all its own work again;
    /// for timing an algorithm apart from the matrix or graph.
    /// </summary>
    public ClusteringContext Fresh()
    {
        Prepare();
        return new(this);
    }

    /// <summary>
    /// Records a warning about a result, one per <paramref name="key"/>: settings of a sweep raise the
    /// same kind many times, and the one with the highest <paramref name="severity"/> is kept.
    /// </summary>
    public void Warn(string key, string message, double severity = 0) =>
        _warnings.AddOrUpdate(key, (severity, message), (_, old) => severity > old.Severity ? (severity, message) : old);

    /// <summary>The warnings recorded so far, in key order.</summary>
    public IReadOnlyList<string> Warnings => _warnings.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => w.Value.Message).ToArray();

    /// <summary>Returns the cached value for <paramref name="key"/>, building it once even when settings run in parallel.</summary>
    public T Cache<T>(string key, Func<T> build)
        where T : class =>
        (T)_cache.GetOrAdd(key, _ => new Lazy<object>(build, LazyThreadSafetyMode.ExecutionAndPublication)).Value;
}
