using FaceEval.Core.Algorithms;
using FaceEval.Core.Embeddings;
using FaceEval.Core.Hierarchy;
using FaceEval.Core.Tests.TestData;

namespace FaceEval.Core.Tests.Algorithms;

/// <summary>
/// Each algorithm once on the first faces of the FIW embeddings in ../shared (research-only data, never
/// copied into the repository); skipped when that folder is absent.
/// </summary>
public class RealDataSmokeTests
{
    [SharedDataFact("embeddings/fiw/arcface_w600k_mbf_int8.npy")]
    public void EveryAlgorithmLabelsTheFirstFiwFaces()
    {
        var embeddings = SharedEmbeddings.Load("fiw", "arcface_w600k_mbf_int8", rows: 3000);
        var distances = DistanceMatrix.Compute(embeddings);
        var n = embeddings.Count;

        var dbscan = Dbscan.Cluster(distances, new DbscanOptions(0.5, 3));
        Partition.AssertWellFormed(dbscan, n);
        Assert.Equal(dbscan, DbscanThresholdSweep.Labels(distances, [0.3, 0.5], 3)[1]);

        foreach (var linkage in Enum.GetValues<Linkage>())
        {
            var dendrogram = Agglomerative.BuildDendrogram(distances, linkage);
            var labels = dendrogram.Cut(0.5);
            Partition.AssertWellFormed(labels, n);
            Assert.DoesNotContain(-1, labels);
        }

        var twoPass = TwoPassAgglomerative.Cluster(embeddings, distances, new TwoPassOptions());
        Partition.AssertWellFormed(twoPass, n);
        Assert.DoesNotContain(-1, twoPass);
    }
}
