using FaceEval.Core.Embeddings;
using FaceEval.Core.Hierarchy;

namespace FaceEval.Core.Algorithms;

/// <summary>
/// <see cref="TwoPassAgglomerative"/> over a grid of (pass1Distance, pass2Distance): the face distance
/// matrix and pass-1 dendrogram are built once; each distinct pass1Distance costs one centroid
/// dendrogram, and each pass2Distance only a cut. Results equal <see cref="TwoPassAgglomerative.Cluster(EmbeddingMatrix, TwoPassOptions, CancellationToken)"/>.
/// Not thread-safe.
/// </summary>
public sealed class TwoPassSweep
{
    private readonly EmbeddingMatrix _embeddings;
    private readonly Dendrogram _faces;
    private readonly Dictionary<double, (int[] Pass1, Dendrogram Centroids)> _byPass1 = [];

    /// <param name="distances">The distance matrix of <paramref name="embeddings"/> if already computed, else null.</param>
    public TwoPassSweep(EmbeddingMatrix embeddings, DistanceMatrix? distances = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        _embeddings = embeddings;
        _faces = Agglomerative.BuildDendrogram(distances ?? DistanceMatrix.Compute(embeddings, cancellation: cancellation), Linkage.Average, cancellation);
    }

    public int[] Labels(TwoPassOptions options, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!_byPass1.TryGetValue(options.Pass1Distance, out var entry))
        {
            var pass1 = _faces.Cut(options.Pass1Distance);
            entry = (pass1, TwoPassAgglomerative.SecondPass(_embeddings, pass1, options.Pass2Distance, cancellation).Centroids);
            _byPass1[options.Pass1Distance] = entry;
        }

        return TwoPassAgglomerative.Compose(entry.Pass1, entry.Centroids.Cut(options.Pass2Distance));
    }
}
