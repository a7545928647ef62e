using System.Text.Json;
using FaceEval.Core.Metrics;

namespace FaceEval.Core.Tests.Metrics;

public class ScikitLearnReferenceTests
{
    public static TheoryData<string> CaseNames() => new(MetricFixtures.Cases.Keys);

    [Fact]
    public void FixtureCoversTheConventionsAndShapesItClaims()
    {
        var cases = MetricFixtures.Cases.Values.ToList();
        Assert.True(cases.Count >= 40);
        Assert.Contains(cases, c => c.Predicted.Contains(-1) && c.Truth.Length > 100);
        Assert.Contains(cases, c => c.Truth.Contains(-1) && c.Truth.Length > 100);
        Assert.Contains(cases, c => c.Name.StartsWith("dbscan", StringComparison.Ordinal));
        // Ordered pair products beyond 64 bits (n^4 > 9.2e18).
        Assert.Contains(cases, c => Math.Pow(c.Truth.Length, 4) > 1e21);
        Assert.Contains(cases, c => c.Name.StartsWith("agglomerative", StringComparison.Ordinal));
        Assert.Contains(cases, c => c.Expected.GetProperty("sibling_confusion").ValueKind == JsonValueKind.Number
            && c.Expected.GetProperty("sibling_confusion").GetDouble() is > 0.05 and < 0.95);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void EveryMetricMatchesTheReferenceTo1e9(string name)
    {
        var fixture = MetricFixtures.Cases[name];

        var report = ClusteringScorer.Score(fixture.Truth, fixture.Predicted, fixture.LookalikePairs);

        foreach (var key in MetricKeys.All)
        {
            var expected = fixture.Expected.GetProperty(key.JsonName());
            var actual = report.Get(key);
            if (expected.ValueKind == JsonValueKind.Null)
            {
                Assert.True(actual is null, $"{name}: {key.JsonName()} should be null but is {actual}");
                continue;
            }

            Assert.True(actual is not null, $"{name}: {key.JsonName()} is null but should be {expected}");
            var difference = Math.Abs(actual.Value - expected.GetDouble());
            Assert.True(difference <= 1e-9, $"{name}: {key.JsonName()} = {actual:R}, reference {expected.GetDouble():R}");
        }
    }
}
