namespace FaceEval.Core.Metrics;

/// <summary>Which way a metric improves, for sweep objectives and CI gates.</summary>
public enum MetricDirection
{
    HigherIsBetter,
    LowerIsBetter,

    /// <summary>A count that describes the labelling but is neither good nor bad by itself.</summary>
    Informational,
}
