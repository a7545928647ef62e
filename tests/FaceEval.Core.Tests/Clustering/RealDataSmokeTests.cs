using System.Buffers.Binary;
using System.Text;
using System.Text.RegularExpressions;
using FaceEval.Core.Clustering;
using FaceEval.Core.Embeddings;

namespace FaceEval.Core.Tests.Clustering;

/// <summary>
/// Each algorithm once on the first faces of the FIW embeddings in ../shared (research-only data, never
/// copied into the repository); passes trivially when that folder is absent.
/// </summary>
public class RealDataSmokeTests
{
    private const string EmbeddingsPath = "/work/shared/embeddings/fiw/arcface_w600k_mbf_int8.npy";
    private const int Faces = 3000;

    [Fact]
    public void EveryAlgorithmLabelsTheFirstFiwFaces()
    {
        if (!File.Exists(EmbeddingsPath))
        {
            return;
        }

        var embeddings = ReadFloat16Rows(EmbeddingsPath, Faces);
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

    /// <summary>The first <paramref name="rows"/> rows of a C-order little-endian float16 2-D .npy file.</summary>
    private static EmbeddingMatrix ReadFloat16Rows(string path, int rows)
    {
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream);
        var magic = reader.ReadBytes(8);
        Assert.Equal("NUMPY", Encoding.ASCII.GetString(magic, 1, 5));
        var headerLength = magic[6] == 1 ? reader.ReadUInt16() : (int)reader.ReadUInt32();
        var header = Encoding.ASCII.GetString(reader.ReadBytes(headerLength));
        Assert.Contains("'descr': '<f2'", header);
        Assert.Contains("'fortran_order': False", header);
        var shape = Regex.Match(header, @"'shape': \((\d+), (\d+)\)");
        var count = Math.Min(rows, int.Parse(shape.Groups[1].Value));
        var dimension = int.Parse(shape.Groups[2].Value);
        var bytes = reader.ReadBytes(count * dimension * 2);
        var data = new float[count * dimension];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (float)BitConverter.UInt16BitsToHalf(BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(2 * i)));
        }

        return EmbeddingMatrix.FromRowMajor(data, count, dimension);
    }
}
