namespace FaceEval.Core.Configuration;

/// <summary>The default range of one swept parameter, from eval.config.json's "sweeps" section.</summary>
public sealed record SweepDefaults
{
    public string Algorithm { get; init; } = "gated";

    public double? From { get; init; }

    public double? To { get; init; }

    public double? Step { get; init; }

    public IReadOnlyList<string>? Values { get; init; }
}
