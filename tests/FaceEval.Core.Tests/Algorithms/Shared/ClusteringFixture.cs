using System.Text.Json;
using FaceEval.Core.Algorithms;
using FaceEval.Core.Embeddings;
using FaceEval.Core.Hierarchy;

namespace FaceEval.Core.Tests.Algorithms;

/// <summary>A scikit-learn reference file written by tools/fixtures/make_clustering_fixtures.py.</summary>
public sealed class ClusteringFixture
{
    public static readonly TheoryData<string> Names = new() { "blobs", "ring", "uniform" };

    private ClusteringFixture(EmbeddingMatrix embeddings, List<DbscanCase> dbscan, List<AgglomerativeCase> agglomerative)
    {
        Embeddings = embeddings;
        Distances = DistanceMatrix.Compute(embeddings);
        Dbscan = dbscan;
        Agglomerative = agglomerative;
    }

    public EmbeddingMatrix Embeddings { get; }

    public DistanceMatrix Distances { get; }

    public IReadOnlyList<DbscanCase> Dbscan { get; }

    public IReadOnlyList<AgglomerativeCase> Agglomerative { get; }

    public static ClusteringFixture Load(string name)
    {
        var path = Path.Combine(RepositoryRoot(), "tests", "FaceEval.Core.Tests", "Fixtures", $"clustering_{name}.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        var n = root.GetProperty("count").GetInt32();
        var d = root.GetProperty("dimension").GetInt32();
        var data = new float[n * d];
        var i = 0;
        foreach (var row in root.GetProperty("embeddings").EnumerateArray())
        {
            foreach (var v in row.EnumerateArray())
            {
                data[i++] = v.GetSingle();
            }
        }

        Assert.Equal(n * d, i);
        var dbscan = root.GetProperty("dbscan").EnumerateArray()
            .Select(c => new DbscanCase(c.GetProperty("eps").GetDouble(), c.GetProperty("minSamples").GetInt32(), Labels(c)))
            .ToList();
        var agglomerative = root.GetProperty("agglomerative").EnumerateArray()
            .Select(c => new AgglomerativeCase(
                Enum.Parse<Linkage>(c.GetProperty("linkage").GetString()!, ignoreCase: true),
                c.GetProperty("threshold").GetDouble(),
                Labels(c)))
            .ToList();
        Assert.NotEmpty(dbscan);
        Assert.NotEmpty(agglomerative);
        return new ClusteringFixture(EmbeddingMatrix.FromRowMajor(data, n, d), dbscan, agglomerative);
    }

    private static int[] Labels(JsonElement c) => c.GetProperty("labels").EnumerateArray().Select(v => v.GetInt32()).ToArray();

    private static string RepositoryRoot() => TestData.RepoPaths.RepoRoot;

    public sealed record DbscanCase(double Eps, int MinSamples, int[] Labels);

    public sealed record AgglomerativeCase(Linkage Linkage, double Threshold, int[] Labels);
}
