using FaceEval.Core.Errors;
using FaceEval.Core.Gates;
using FaceEval.Core.Metrics;

namespace FaceEval.Core.Tests.Gates;

public class GateRuleTests
{
    [Theory]
    [InlineData("ari>=0.85", GateRuleKind.Floor, 0.85)]
    [InlineData(" sibling_confusion <= 0.05 ", GateRuleKind.Ceiling, 0.05)]
    [InlineData("bcubed_f1~0.01", GateRuleKind.Tolerance, 0.01)]
    public void ParsesTheThreeForms(string text, GateRuleKind kind, double value)
    {
        var rule = GateRule.Parse(text);
        Assert.Equal(kind, rule.Kind);
        Assert.Equal(value, rule.Value);
        Assert.Equal(rule, GateRule.Parse(rule.ToString()));
    }

    [Fact]
    public void UnknownMetricIsAnUnknownNameError()
    {
        var ex = Assert.Throws<FaceEvalException>(() => GateRule.Parse("accuracy>=0.9"));
        Assert.Equal(ErrorKind.UnknownName, ex.Kind);
    }

    [Theory]
    [InlineData("ari>0.9")]
    [InlineData("ari>=")]
    [InlineData("ari~-0.1")]
    public void MalformedRulesAreUsageErrors(string text)
    {
        var ex = Assert.Throws<FaceEvalException>(() => GateRule.Parse(text));
        Assert.Equal(ErrorKind.Usage, ex.Kind);
    }

    [Fact]
    public void RuleMetricIsTheParsedKey()
    {
        Assert.Equal(MetricKeys.Parse("sibling_confusion"), GateRule.Parse("sibling_confusion<=0.05").Metric);
    }
}
