using System.Collections.Concurrent;
using FaceEval.Core.Embeddings;

namespace FaceEval.Core.Algorithms;

/// <summary>
/// Everything an algorithm may read about one snapshot and model, built once and shared by every
/// setting of a sweep: the embeddings, the distance matrix (computed on first use), the arrival order of
/// faces, their photos, and the ground truth (read only by a simulated user, never by the clustering).
/// Algorithms cache their own reusable structures (a dendrogram, a sorted edge list) in <see cref="Cache"/>.
/// </summary>
public sealed class ClusteringContext
{
    private readonly Lazy<DistanceMatrix> _distances;
    private readonly ConcurrentDictionary<string, Lazy<object>> _cache = new(StringComparer.Ordinal);

    public ClusteringContext(EmbeddingMatrix embeddings, int[] arrivalOrder, int[] photoIndex, int[] truth, IProgress<double>? distanceProgress = null)
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
    }

    private ClusteringContext(ClusteringContext source, DistanceMatrix distances)
    {
        Embeddings = source.Embeddings;
        ArrivalOrder = source.ArrivalOrder;
        PhotoIndex = source.PhotoIndex;
        Truth = source.Truth;
        _distances = new Lazy<DistanceMatrix>(distances);
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

    /// <summary>
    /// A context over the same faces that shares this one's distance matrix (computing it now if needed)
    /// but none of its cached structures, so an algorithm run on it does all its own work again; for
    /// timing an algorithm apart from the matrix.
    /// </summary>
    public ClusteringContext Fresh() => new(this, Distances);

    /// <summary>Returns the cached value for <paramref name="key"/>, building it once even when settings run in parallel.</summary>
    public T Cache<T>(string key, Func<T> build)
        where T : class =>
        (T)_cache.GetOrAdd(key, _ => new Lazy<object>(build, LazyThreadSafetyMode.ExecutionAndPublication)).Value;
}
