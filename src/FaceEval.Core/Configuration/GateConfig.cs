namespace FaceEval.Core.Configuration;

/// <summary>eval.config.json's "gates" section: where the baseline lives and the suites to run.</summary>
public sealed record GateConfig
{
    public string Baseline { get; init; } = "reports/baseline.json";

    public IReadOnlyList<GateSuiteConfig> Suites { get; init; } = [];
}
