using System.Diagnostics;
using FaceEval.Core.Algorithms;
using FaceEval.Core.Embeddings;
using FaceEval.Core.Neighbors;
using FaceEval.Core.Tests.TestData;
using Xunit.Abstractions;

namespace FaceEval.Core.Tests.Algorithms;

/// <summary>Smoke runs on real embeddings; the timings printed are informal, nothing is timed.</summary>
public class HdbscanRealDataTests(ITestOutputHelper output)
{
    private const string Fiw = "embeddings/fiw/arcface_w600k_mbf_int8.npy";

    [SharedDataFact(Fiw)]
    public void ClustersTheFirstFacesOfFiw()
    {
        var embeddings = SharedEmbeddings.Load("fiw", "arcface_w600k_mbf_int8", 3000);
        var watch = Stopwatch.StartNew();
        var distances = DistanceMatrix.Compute(embeddings);
        var matrixSeconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var labels = Hdbscan.Cluster(distances, new HdbscanOptions { MinClusterSize = 5 });
        var clusterSeconds = watch.Elapsed.TotalSeconds;

        var clusters = labels.Where(l => l >= 0).Distinct().Count();
        var noise = labels.Count(l => l < 0);
        output.WriteLine($"FIW first {embeddings.Count} faces: distance matrix {matrixSeconds:F2}s, HDBSCAN(5) {clusterSeconds:F2}s, {clusters} clusters, {noise} noise");

        Assert.Equal(embeddings.Count, labels.Length);
        Assert.True(clusters >= 2);
        Assert.Equal(Enumerable.Range(0, clusters), labels.Where(l => l >= 0).Distinct().Order());
        Assert.True(labels.Where(l => l >= 0).GroupBy(l => l).All(g => g.Count() >= 5));
    }

    [SharedDataFact(Fiw)]
    public void KnnGraphAgreesWithTheDistanceMatrixOnFiw()
    {
        var embeddings = SharedEmbeddings.Load("fiw", "arcface_w600k_mbf_int8", 2000);
        var fromMatrix = KnnGraph.FromDistances(DistanceMatrix.Compute(embeddings), 32);
        var built = KnnGraph.Build(embeddings, 32);
        for (var i = 0; i < embeddings.Count; i++)
        {
            for (var p = 0; p < 32; p++)
            {
                Assert.Equal(fromMatrix.Distances(i)[p], built.Distances(i)[p], 1e-5f);
            }
        }
    }
}
