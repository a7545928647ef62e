using System.Diagnostics;
using FaceEval.Core.Algorithms;
using FaceEval.Core.Metrics;

namespace FaceEval.Core.Evaluation;

/// <summary>Replays one algorithm setting on prepared data and scores it against the ground truth.</summary>
public static class Evaluator
{
    public static RunResult Run(EvaluationData data, IClusteringAlgorithm algorithm, ParameterSet parameters, int seed)
    {
        var watch = Stopwatch.StartNew();
        var labels = algorithm.Cluster(data.Context, parameters, seed);
        var seconds = watch.Elapsed.TotalSeconds;
        return new RunResult(parameters, labels, ClusteringScorer.Score(data.Truth, labels, data.Lookalikes), seconds);
    }
}
