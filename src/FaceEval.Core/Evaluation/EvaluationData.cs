using FaceEval.Core.Algorithms;
using FaceEval.Core.Metrics;
using FaceEval.Core.Pipelines;
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

    public static EvaluationData Load(Snapshot snapshot, string model, RelationTypeFilter relationTypes, IProgress<double>? distanceProgress = null)
    {
        var truth = snapshot.GroundTruth();
        ScoredFaces.Require(snapshot, truth);
        var embeddings = snapshot.LoadEmbeddings(model);
        var context = new ClusteringContext(embeddings, ArrivalOrder.FromFaces(snapshot.Faces), snapshot.PhotoIndex(), truth, distanceProgress);
        var lookalikes = Evaluation.Lookalikes.Of(snapshot, snapshot.Relations, relationTypes);
        return new EvaluationData(snapshot, model, context, lookalikes);
    }
}
