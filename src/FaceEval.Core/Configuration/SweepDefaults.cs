using FaceEval.Core.Errors;
using FaceEval.Core.Sweeps;

namespace FaceEval.Core.Configuration;

/// <summary>
/// The default range of one swept parameter, from eval.config.json's "sweeps" section. from/to/step are
/// decimal so 0.02 in the file is exactly 0.02 (see <see cref="SweepAxis.Range(string, decimal, decimal, decimal)"/>).
/// </summary>
public sealed record SweepDefaults
{
    public string Algorithm { get; init; } = "gated";

    public decimal? From { get; init; }

    public decimal? To { get; init; }

    public decimal? Step { get; init; }

    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>The values of <paramref name="parameter"/> this entry describes: its list, or from..to by step.</summary>
    public SweepAxis Axis(string parameter) =>
        Values is { Count: > 0 } values ? new SweepAxis(parameter, values)
        : this is { From: { } from, To: { } to, Step: { } step } ? SweepAxis.Range(parameter, from, to, step)
        : throw new FaceEvalException(ErrorKind.InvalidData, $"eval.config.json sweeps.{parameter} needs from/to/step or values");
}
