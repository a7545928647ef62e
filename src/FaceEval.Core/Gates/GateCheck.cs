using FaceEval.Core.Metrics;

namespace FaceEval.Core.Gates;

/// <summary>The verdict of one rule of one suite, with a one-line message that names suite, metric and margin.</summary>
public sealed record GateCheck(string Suite, MetricKey Metric, double? Baseline, double? Now, GateRule Rule, bool Passed, string Message)
{
    public double? Delta => Baseline is { } b && Now is { } n ? n - b : null;
}
