using FaceEval.Core.Algorithms;
using FaceEval.Core.Metrics;

namespace FaceEval.Core.Sweeps;

/// <summary>
/// One setting of a sweep. <see cref="Seconds"/> is the clustering time of this setting; for settings
/// labelled together in one pass (<see cref="ISweepShortcut"/>) it is that pass's time shared equally.
/// </summary>
public sealed record SweepRow(ParameterSet Parameters, MetricReport Metrics, double Seconds, bool SatisfiesConstraints);
