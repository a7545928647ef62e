using System.Text.Json;
using FaceEval.Core.Errors;
using FaceEval.Core.Metrics;

namespace FaceEval.Core.Tests.Metrics;

public class MetricReportJsonTests
{
    private static readonly string[] s_keys =
    [
        "ari", "ami", "nmi", "fmi", "pairwise_precision", "pairwise_recall", "pairwise_f1",
        "bcubed_precision", "bcubed_recall", "bcubed_f1", "homogeneity", "completeness", "v_measure",
        "clusters", "unassigned", "unassigned_rate", "largest_cluster_share", "sibling_confusion", "scored",
    ];

    [Fact]
    public void JsonHasExactlyTheKeysInOrder()
    {
        var report = ClusteringScorer.Score([0, 0, 1, 1, 2], [3, 3, 3, -1, 4], LookalikePairs.FromIndexPairs([(0, 1)]));

        using var document = JsonDocument.Parse(MetricReportJson.Serialize(report));

        Assert.Equal(s_keys, document.RootElement.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(s_keys, MetricKeys.All.Select(k => k.JsonName()).ToArray());
        Assert.Equal(2, document.RootElement.GetProperty("clusters").GetInt32());
        Assert.Equal(5, document.RootElement.GetProperty("scored").GetInt32());
    }

    [Fact]
    public void RoundTripsBitForBitIncludingNullSiblingConfusion()
    {
        var (truth, predicted) = InvarianceTests.Labellings(seed: 4, n: 700, truthClusters: 60, predictedClusters: 45, unassignedShare: 0.1);
        foreach (var lookalikes in new[] { null, LookalikePairs.FromIndexPairs([(0, 1), (3, 4)]) })
        {
            var report = ClusteringScorer.Score(truth, predicted, lookalikes);

            var compact = MetricReportJson.Parse(MetricReportJson.Serialize(report));
            var indented = MetricReportJson.Parse(MetricReportJson.Serialize(report, indented: true));

            Assert.Equal(report, compact);
            Assert.Equal(report, indented);
            Assert.Equal(lookalikes is null, report.SiblingConfusion is null);
        }

        Assert.Contains("\"sibling_confusion\":null", MetricReportJson.Serialize(ClusteringScorer.Score([0], [0])));
    }

    [Fact]
    public void NumbersAreWrittenInvariantAndShortest()
    {
        var json = MetricReportJson.Serialize(ClusteringScorer.Score([0, 0, 1, 1], [0, 1, 0, 1]));

        Assert.StartsWith("{\"ari\":-0.5,", json);
        Assert.Contains("\"pairwise_precision\":0,", json);
        Assert.Contains("\"bcubed_precision\":0.5,", json);
    }

    [Theory]
    [InlineData("[]", "object")]
    [InlineData("{\"ari\":1}", "missing")]
    [InlineData("not json", "not valid JSON")]
    public void MalformedReportsAreInvalidData(string json, string expectedFragment)
    {
        var error = Assert.Throws<FaceEvalException>(() => MetricReportJson.Parse(json));

        Assert.Equal(ErrorKind.InvalidData, error.Kind);
        Assert.Contains(expectedFragment, error.Message);
    }

    [Fact]
    public void UnknownNullOrFractionalValuesAreRejected()
    {
        var json = MetricReportJson.Serialize(ClusteringScorer.Score([0, 1], [0, 0]));

        Assert.Contains("unknown key 'extra'",
            Assert.Throws<FaceEvalException>(() => MetricReportJson.Parse(json.Replace("{", "{\"extra\":1,"))).Message);
        Assert.Contains("'ari' must be a number",
            Assert.Throws<FaceEvalException>(() => MetricReportJson.Parse(ReplaceValue(json, "ari", "null"))).Message);
        Assert.Contains("'scored' must be a non-negative integer",
            Assert.Throws<FaceEvalException>(() => MetricReportJson.Parse(ReplaceValue(json, "scored", "2.5"))).Message);
    }

    private static string ReplaceValue(string json, string key, string value)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        node[key] = System.Text.Json.Nodes.JsonNode.Parse(value);
        return node.ToJsonString();
    }
}
