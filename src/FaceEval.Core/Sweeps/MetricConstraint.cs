using System.Globalization;
using FaceEval.Core.Errors;
using FaceEval.Core.Metrics;

namespace FaceEval.Core.Sweeps;

/// <summary>A bound a setting must respect to be chosen as best, e.g. sibling_confusion &lt;= 0.05.</summary>
public sealed record MetricConstraint(MetricKey Metric, double Bound, bool IsUpperBound)
{
    /// <summary>Parses "metric=value" as given to --max or --min.</summary>
    public static MetricConstraint Parse(string text, bool isUpperBound)
    {
        var eq = text.IndexOf('=');
        if (eq <= 0 || !double.TryParse(text[(eq + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var bound))
        {
            throw new FaceEvalException(ErrorKind.Usage, $"constraint '{text}' is not of the form metric=number");
        }

        return new MetricConstraint(MetricKeys.Parse(text[..eq].Trim()), bound, isUpperBound);
    }

    /// <summary>Bounds as eval.config.json writes them ("max"/"min": metric name to value).</summary>
    public static IEnumerable<MetricConstraint> FromConfig(IReadOnlyDictionary<string, double> bounds, bool isUpperBound) =>
        bounds.Select(kv => new MetricConstraint(MetricKeys.Parse(kv.Key), kv.Value, isUpperBound));

    /// <summary>A metric that is undefined for this data (null, e.g. no look-alike pairs) satisfies any bound.</summary>
    public bool IsSatisfied(MetricReport report)
    {
        var value = report.Get(Metric);
        return value is null || (IsUpperBound ? value <= Bound : value >= Bound);
    }

    public override string ToString() =>
        $"{Metric.JsonName()} {(IsUpperBound ? "<=" : ">=")} {Bound.ToString("R", CultureInfo.InvariantCulture)}";
}
