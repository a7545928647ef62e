using FaceEval.Core.Algorithms;
using System.Globalization;
using FaceEval.Core.Metrics;
using FaceEval.Core.Neighbors;
using FaceEval.Core.Snapshots;

namespace FaceEval.Core.Evaluation;

/// <summary>One snapshot and model made ready to replay: the clustering context and the look-alike pairs.</summary>
public sealed class EvaluationData
{
    private EvaluationData(Snapshot snapshot, string model, ClusteringContext context, LookalikePairs lookalikes)
    {
        Snapshot = snapshot;
        Model = model;
        Context = context;
        Lookalikes = lookalikes;
    }

    public Snapshot Snapshot { get; }

    public string Model { get; }

    public ClusteringContext Context { get; }

    public LookalikePairs Lookalikes { get; }

    public int[] Truth => Context.Truth;

    /// <summary>The same data over <see cref="ClusteringContext.Fresh"/>: shared distance matrix, no cached structures.</summary>
    public EvaluationData Fresh() => new(Snapshot, Model, Context.Fresh(), Lookalikes);

    /// <summary>
    /// The same faces, truth and look-alikes on another neighbour structure, without reading the embeddings
    /// again (fidelity holds one snapshot on the full matrix and on graphs; a second read is a second hash check).
    /// </summary>
    public EvaluationData OnNeighbors(NeighborChoice neighbors, IProgress<double>? distanceProgress = null, Action<string>? notice = null)
    {
        ArgumentNullException.ThrowIfNull(neighbors);
        var embeddings = Context.Embeddings;
        Func<KnnGraph>? graph = neighbors.IsGraph
            ? () => CachedGraph(Snapshot, Model, embeddings, neighbors, distanceProgress, notice)
            : null;
        var context = new ClusteringContext(embeddings, Context.ArrivalOrder, Context.PhotoIndex, Context.Truth, distanceProgress, neighbors, graph);
        return new EvaluationData(Snapshot, Model, context, Lookalikes);
    }

    /// <param name="neighbors">The structure to cluster on (default the full matrix); a graph is read from, or stored in, <see cref="KnnGraphCache"/>.</param>
    /// <param name="notice">Receives one line when the graph is loaded or built (where, how long), and any cache warning prefixed "warning: ".</param>
    public static EvaluationData Load(Snapshot snapshot, string model, RelationTypeFilter relationTypes, IProgress<double>? distanceProgress = null,
        NeighborChoice? neighbors = null, Action<string>? notice = null)
    {
        var truth = snapshot.GroundTruth();
        ScoredFaces.Require(snapshot, truth);
        var faces = new ClusteringContext(snapshot.LoadEmbeddings(model), ArrivalOrder.FromFaces(snapshot.Faces), snapshot.PhotoIndex(), truth);
        var lookalikes = Evaluation.Lookalikes.Of(snapshot, snapshot.Relations, relationTypes);
        return new EvaluationData(snapshot, model, faces, lookalikes).OnNeighbors(neighbors ?? NeighborChoice.Full, distanceProgress, notice);
    }

    private static KnnGraph CachedGraph(Snapshot snapshot, string model, Embeddings.EmbeddingMatrix embeddings, NeighborChoice choice, IProgress<double>? progress,
        Action<string>? notice)
    {
        var result = KnnGraphCache.LoadOrBuild(snapshot.Directory, snapshot.Id, model, embeddings, choice, progress);
        if (result.Warning is not null)
        {
            notice?.Invoke("warning: " + result.Warning);
        }

        var how = result.Loaded ? "loaded from" : result.RebuildReason is null ? "built and cached at" : $"rebuilt ({result.RebuildReason}) and cached at";
        notice?.Invoke(string.Create(CultureInfo.InvariantCulture, $"neighbour graph {how} {result.Directory} in {result.Seconds:0.##} s"));
        if (result.Recall is { } recall && choice.Index is { } index)
        {
            notice?.Invoke(recall.Describe(result.Graph.K));
            if (index.RecallWarning(recall, result.Graph.K) is { } low)
            {
                notice?.Invoke("warning: " + low);
            }
        }

        return result.Graph;
    }
}
