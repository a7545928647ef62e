using System.Diagnostics;
using FaceEval.Core.Algorithms;
using FaceEval.Core.Evaluation;
using FaceEval.Core.Metrics;

namespace FaceEval.Core.Sweeps;

/// <summary>
/// Runs every setting of a sweep over one prepared <see cref="EvaluationData"/>: the distance matrix (or graph) and
/// any structure an algorithm caches are built once and shared by all settings.
/// </summary>
public static class SweepRunner
{
    public static SweepResult Run(EvaluationData data, SweepRequest request, IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        var total = Stopwatch.StartNew();
        data.Context.Prepare();
        var preparation = total.Elapsed.TotalSeconds;

        var settings = request.Settings();
        var rows = TryShortcut(data, request, settings) ?? RunEach(data, request, settings, progress, cancellation);
        progress?.Report(1);

        var best = Best(rows, request.Objective);
        return new SweepResult(data.Snapshot.Id, data.Model, AlgorithmNames.Name(request.Algorithm.Kind), request.Axes,
            request.Objective, request.Constraints, rows, best, preparation, total.Elapsed.TotalSeconds);
    }

    private static SweepRow[]? TryShortcut(EvaluationData data, SweepRequest request, IReadOnlyList<ParameterSet> settings)
    {
        if (request.Axes.Count != 1 || request.Algorithm is not ISweepShortcut shortcut)
        {
            return null;
        }

        var watch = Stopwatch.StartNew();
        var axis = request.Axes[0];
        var labels = shortcut.TrySweep(data.Context, request.Baseline, axis.Parameter, axis.Values, request.Seed);
        if (labels is null)
        {
            return null;
        }

        var share = watch.Elapsed.TotalSeconds / settings.Count;
        return settings.Select((s, i) => Row(data, request, s, labels[i], share)).ToArray();
    }

    private static SweepRow[] RunEach(EvaluationData data, SweepRequest request, IReadOnlyList<ParameterSet> settings, IProgress<double>? progress, CancellationToken cancellation)
    {
        var rows = new SweepRow[settings.Count];
        var done = 0;
        // One setting per core: unbounded, the thread pool injects more workers while settings run long, and
        // each holds its own working arrays (about 1 GB per Chinese Whispers setting at 1M faces): 50
        // settings ran out of 24 GiB before this bound.
        var options = new ParallelOptions { CancellationToken = cancellation, MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(0, settings.Count, options, i =>
        {
            var watch = Stopwatch.StartNew();
            var labels = request.Algorithm.Cluster(data.Context, settings[i], request.Seed);
            rows[i] = Row(data, request, settings[i], labels, watch.Elapsed.TotalSeconds);
            progress?.Report((double)Interlocked.Increment(ref done) / settings.Count);
        });
        return rows;
    }

    private static SweepRow Row(EvaluationData data, SweepRequest request, ParameterSet setting, int[] labels, double seconds)
    {
        var metrics = ClusteringScorer.Score(data.Truth, labels, data.Lookalikes);
        return new SweepRow(setting, metrics, seconds, request.Constraints.All(c => c.IsSatisfied(metrics)));
    }

    private static int? Best(IReadOnlyList<SweepRow> rows, MetricKey objective)
    {
        int? best = null;
        var higherIsBetter = objective.Direction() != MetricDirection.LowerIsBetter;
        for (var i = 0; i < rows.Count; i++)
        {
            var value = rows[i].Metrics.Get(objective);
            if (!rows[i].SatisfiesConstraints || value is null)
            {
                continue;
            }

            if (best is null || (higherIsBetter ? value > rows[best.Value].Metrics.Get(objective) : value < rows[best.Value].Metrics.Get(objective)))
            {
                best = i;
            }
        }

        return best;
    }
}
