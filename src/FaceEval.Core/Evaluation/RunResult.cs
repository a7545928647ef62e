using FaceEval.Core.Algorithms;
using FaceEval.Core.Metrics;

namespace FaceEval.Core.Evaluation;

/// <summary>The labels one setting produced, their scores, and the wall-clock seconds the clustering took.</summary>
public sealed record RunResult(ParameterSet Parameters, int[] Labels, MetricReport Metrics, double Seconds);
