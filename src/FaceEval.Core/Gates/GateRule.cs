using System.Globalization;
using System.Text.RegularExpressions;
using FaceEval.Core.Errors;
using FaceEval.Core.Metrics;

namespace FaceEval.Core.Gates;

/// <summary>One rule of a gate suite: <c>ari&gt;=0.85</c>, <c>sibling_confusion&lt;=0.05</c> or <c>bcubed_f1~0.01</c> (tolerance against the baseline).</summary>
public sealed partial record GateRule(MetricKey Metric, GateRuleKind Kind, double Value)
{
    public static GateRule Parse(string text)
    {
        var match = RuleSyntax().Match(text);
        if (!match.Success || !double.TryParse(match.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw new FaceEvalException(ErrorKind.Usage,
                $"gate rule '{text}' is not of the form metric>=number, metric<=number or metric~tolerance");
        }

        var kind = match.Groups["op"].Value switch
        {
            ">=" => GateRuleKind.Floor,
            "<=" => GateRuleKind.Ceiling,
            _ => GateRuleKind.Tolerance,
        };
        if (kind == GateRuleKind.Tolerance && value < 0)
        {
            throw new FaceEvalException(ErrorKind.Usage, $"gate rule '{text}': a tolerance cannot be negative");
        }

        return new GateRule(MetricKeys.Parse(match.Groups["metric"].Value), kind, value);
    }

    public bool NeedsBaseline => Kind == GateRuleKind.Tolerance;

    public override string ToString()
    {
        var op = Kind switch { GateRuleKind.Floor => ">=", GateRuleKind.Ceiling => "<=", _ => "~" };
        return $"{Metric.JsonName()}{op}{Value.ToString("R", CultureInfo.InvariantCulture)}";
    }

    [GeneratedRegex(@"^\s*(?<metric>[a-z_0-9]+)\s*(?<op>>=|<=|~)\s*(?<value>\S+)\s*$")]
    private static partial Regex RuleSyntax();
}
