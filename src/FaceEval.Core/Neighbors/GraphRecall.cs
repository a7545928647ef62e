using System.Globalization;
using FaceEval.Core.Embeddings;

namespace FaceEval.Core.Neighbors;

/// <summary>
/// How much of the exact graph an approximate one holds, measured on a seeded sample of faces against a
/// brute-force search (<see cref="NearestRows"/> over every face): recall@k = the mean over sampled faces
/// of |approximate k neighbours ∩ exact k neighbours| / k. Reported also for the exact neighbours within
/// <see cref="NearDistance"/> only, the pairs a clustering threshold can join: the hard part of recall@k on
/// a library is the far neighbours of strangers, which sit at nearly equal distance like random vectors.
/// </summary>
public static class GraphRecall
{
    /// <summary>Sampled faces when none is asked for (<c>--recall-queries</c>).</summary>
    public const int DefaultQueries = 1_000;

    /// <summary>Recall below which a build warns (<c>--recall-floor</c>).</summary>
    public const double DefaultFloor = 0.95;

    /// <summary>Cosine distance up to which a neighbour counts as clustering-relevant (above every default threshold of ours).</summary>
    public const float NearDistance = 0.6f;

    /// <param name="queries">Faces to sample, at least 1; more than N samples every face.</param>
    public static RecallReport Measure(EmbeddingMatrix embeddings, KnnGraph graph, int queries, int seed, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentNullException.ThrowIfNull(graph);
        var n = embeddings.Count;
        var d = embeddings.Dimension;
        var k = graph.K;
        var sample = SphericalKMeans.SampleIndices(n, Math.Min(queries, n), new Random(seed));
        if (k == 0 || sample.Length == 0)
        {
            return new RecallReport(1.0, sample.Length, seed, 1.0, 0);
        }

        var rows = new NearestRows(d, n);
        for (var i = 0; i < n; i++)
        {
            rows.Set(i, embeddings.Row(i));
        }

        var points = new float[(long)sample.Length * d];
        for (var s = 0; s < sample.Length; s++)
        {
            embeddings.Row(sample[s]).CopyTo(points.AsSpan(s * d, d));
        }

        var index = new int[sample.Length * k];
        var similarity = new float[sample.Length * k];
        rows.Search(points, k, index, similarity, excluded: sample, cancellation: cancellation);
        long found = 0, near = 0, nearFound = 0;
        for (var s = 0; s < sample.Length; s++)
        {
            var approx = new HashSet<int>(graph.Neighbors(sample[s]).ToArray());
            for (var e = s * k; e < (s + 1) * k; e++)
            {
                var hit = approx.Contains(index[e]);
                found += hit ? 1 : 0;
                if (1f - similarity[e] <= NearDistance)
                {
                    near++;
                    nearFound += hit ? 1 : 0;
                }
            }
        }

        return new RecallReport((double)found / ((long)sample.Length * k), sample.Length, seed, near == 0 ? 1.0 : (double)nearFound / near, near);
    }
}

/// <summary>A measured recall@k: over <paramref name="Queries"/> faces sampled with <paramref name="Seed"/>.</summary>
/// <param name="NearRecall">Recall over the exact neighbours within <see cref="GraphRecall.NearDistance"/>.</param>
/// <param name="NearPairs">How many sampled exact neighbours lie within <see cref="GraphRecall.NearDistance"/>.</param>
public sealed record RecallReport(double Recall, int Queries, int Seed, double NearRecall, long NearPairs)
{
    /// <summary>The stable line <c>recall@32: 0.973 (1,000 queries, seed 42)</c>.</summary>
    public string Describe(int k) => string.Create(CultureInfo.InvariantCulture,
        $"recall@{k}: {Recall:0.000} ({Queries:N0} queries, seed {Seed})");

    /// <summary>The split line: recall over neighbours within the near distance.</summary>
    public string DescribeNear(int k) => string.Create(CultureInfo.InvariantCulture,
        $"recall@{k} within distance {GraphRecall.NearDistance:0.0#}: {NearRecall:0.000} ({NearPairs:N0} of {Queries * (long)k:N0} exact neighbours)");
}
