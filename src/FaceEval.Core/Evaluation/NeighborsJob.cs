using FaceEval.Core.Neighbors;
using FaceEval.Core.Snapshots;

namespace FaceEval.Core.Evaluation;

/// <summary>`faceeval neighbors`: build (or load) a snapshot's neighbour graph into its cache, for later runs and for benchmarks.</summary>
public static class NeighborsJob
{
    public static NeighborsResult Execute(string snapshotDirectory, string model, NeighborRequest request, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var snapshot = Snapshot.Load(snapshotDirectory);
        var embeddings = snapshot.LoadEmbeddings(model);
        var choice = NeighborPlan.ResolveGraph(request, embeddings.Count);
        var cached = KnnGraphCache.LoadOrBuild(snapshot.Directory, snapshot.Id, model, embeddings, choice, progress);
        return new NeighborsResult(choice, embeddings.Count, embeddings.Dimension, cached);
    }
}

/// <summary>What `faceeval neighbors` had: the structure, the library's size and the cache's answer.</summary>
public sealed record NeighborsResult(NeighborChoice Choice, int Faces, int Dimension, KnnGraphCacheResult Cache);
