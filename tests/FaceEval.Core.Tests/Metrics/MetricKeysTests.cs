using FaceEval.Core.Errors;
using FaceEval.Core.Metrics;

namespace FaceEval.Core.Tests.Metrics;

public class MetricKeysTests
{
    [Fact]
    public void ParsesJsonNamesBackToTheirKeys()
    {
        foreach (var key in MetricKeys.All)
        {
            Assert.Equal(key, MetricKeys.Parse(key.JsonName()));
        }

        Assert.Equal(MetricKey.BcubedF1, MetricKeys.Parse(" BCUBED_F1 "));
        Assert.Equal(19, MetricKeys.All.Count);
    }

    [Fact]
    public void UnknownNameIsUnknownNameListingTheValidKeys()
    {
        var error = Assert.Throws<FaceEvalException>(() => MetricKeys.Parse("f1"));

        Assert.Equal(ErrorKind.UnknownName, error.Kind);
        Assert.Contains("'f1'", error.Message);
        Assert.Contains("pairwise_f1", error.Message);
        Assert.Contains("sibling_confusion", error.Message);
        Assert.False(MetricKeys.TryParse(null, out _));
    }

    [Fact]
    public void DirectionsSayWhichWayIsBetter()
    {
        Assert.Equal(MetricDirection.HigherIsBetter, MetricKey.Ari.Direction());
        Assert.Equal(MetricDirection.HigherIsBetter, MetricKey.BcubedF1.Direction());
        Assert.Equal(MetricDirection.LowerIsBetter, MetricKey.SiblingConfusion.Direction());
        Assert.Equal(MetricDirection.LowerIsBetter, MetricKey.LargestClusterShare.Direction());
        Assert.Equal(MetricDirection.LowerIsBetter, MetricKey.UnassignedRate.Direction());
        Assert.Equal(MetricDirection.LowerIsBetter, MetricKey.Unassigned.Direction());
        Assert.Equal(MetricDirection.Informational, MetricKey.Clusters.Direction());
        Assert.Equal(MetricDirection.Informational, MetricKey.Scored.Direction());
        Assert.Equal(13, MetricKeys.All.Count(k => k.Direction() == MetricDirection.HigherIsBetter));
    }

    [Fact]
    public void GetReturnsTheMatchingProperty()
    {
        var report = ClusteringScorer.Score([0, 0, 1, 1, 2, 2], [0, 0, 1, -1, 1, 1]);

        Assert.Equal(report.Ari, report.Get(MetricKey.Ari));
        Assert.Equal(report.PairwiseRecall, report.Get(MetricKey.PairwiseRecall));
        Assert.Equal(report.LargestClusterShare, report.Get(MetricKey.LargestClusterShare));
        Assert.Equal(2.0, report.Get(MetricKey.Clusters));
        Assert.Equal(1.0, report.Get(MetricKey.Unassigned));
        Assert.Equal(6.0, report.Get(MetricKey.Scored));
        Assert.Null(report.Get(MetricKey.SiblingConfusion));
        // Every key maps to a distinct value on a labelling where they all differ.
        var distinct = MetricKeys.All.Where(k => !k.IsCount() && k != MetricKey.SiblingConfusion).Select(report.Get).Distinct().Count();
        Assert.True(distinct >= 10);
    }
}
