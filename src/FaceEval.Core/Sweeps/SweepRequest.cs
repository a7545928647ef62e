using FaceEval.Core.Algorithms;
using FaceEval.Core.Errors;
using FaceEval.Core.Metrics;

namespace FaceEval.Core.Sweeps;

/// <summary>A validated sweep: the algorithm, its fixed setting, the axes (several make a grid), objective and constraints.</summary>
public sealed record SweepRequest
{
    public SweepRequest(IClusteringAlgorithm algorithm, ParameterSet baseline, IReadOnlyList<SweepAxis> axes, MetricKey objective, IReadOnlyList<MetricConstraint> constraints, int seed)
    {
        if (axes.Count == 0)
        {
            throw new FaceEvalException(ErrorKind.Usage, "a sweep needs at least one --param");
        }

        // Validate every value once, up front, so a typo fails before minutes of work.
        foreach (var axis in axes)
        {
            foreach (var value in axis.Values)
            {
                baseline.With(axis.Parameter, value);
            }
        }

        if (axes.Select(a => baseline.Spec(a.Parameter).Name).Distinct().Count() != axes.Count)
        {
            throw new FaceEvalException(ErrorKind.Usage, "a parameter is swept twice");
        }

        Algorithm = algorithm;
        Baseline = baseline;
        Axes = axes.Select(a => a with { Parameter = baseline.Spec(a.Parameter).Name }).ToArray();
        Objective = objective;
        Constraints = constraints;
        Seed = seed;
    }

    public IClusteringAlgorithm Algorithm { get; }

    public ParameterSet Baseline { get; }

    public IReadOnlyList<SweepAxis> Axes { get; }

    public MetricKey Objective { get; }

    public IReadOnlyList<MetricConstraint> Constraints { get; }

    public int Seed { get; }

    /// <summary>The grid's settings, the last axis varying fastest.</summary>
    public IReadOnlyList<ParameterSet> Settings()
    {
        IEnumerable<ParameterSet> settings = [Baseline];
        foreach (var axis in Axes)
        {
            settings = settings.SelectMany(s => axis.Values.Select(v => s.With(axis.Parameter, v))).ToArray();
        }

        return settings.ToArray();
    }
}
