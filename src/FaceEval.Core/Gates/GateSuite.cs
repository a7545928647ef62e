using FaceEval.Core.Algorithms;
using FaceEval.Core.Configuration;
using FaceEval.Core.Errors;
using FaceEval.Core.Evaluation;
using FaceEval.Core.Metrics;

namespace FaceEval.Core.Gates;

/// <summary>A validated gate suite: what to run (snapshot, model, algorithm, overrides, seed), how often, and the rules.</summary>
public sealed record GateSuite(string Name, RunOptions Run, IReadOnlyList<GateRule> Rules, int Repeats)
{
    public static GateSuite FromConfig(GateSuiteConfig suite, EvalConfig config)
    {
        if (string.IsNullOrWhiteSpace(suite.Name))
        {
            throw new FaceEvalException(ErrorKind.InvalidData, "every gate suite in eval.config.json needs a name");
        }

        var snapshot = suite.Snapshot ?? config.Snapshot
            ?? throw new FaceEvalException(ErrorKind.InvalidData, $"gate suite {suite.Name} names no snapshot");
        var overrides = EvalConfig.AsText(suite.Parameters);
        var run = new RunOptions(
            config.ResolvePath(snapshot),
            suite.Model ?? config.Model ?? throw new FaceEvalException(ErrorKind.InvalidData, $"gate suite {suite.Name} names no model"),
            AlgorithmNames.Parse(suite.Algorithm),
            overrides,
            RelationTypeFilter.Parse(config.RelationTypes),
            suite.Seed ?? config.Seed);
        return Create(suite.Name, run, suite.Rules.Select(GateRule.Parse).ToArray(), suite.Repeats);
    }

    public static GateSuite Create(string name, RunOptions run, IReadOnlyList<GateRule> rules, int repeats)
    {
        if (rules.Count == 0)
        {
            throw new FaceEvalException(ErrorKind.Usage, $"gate suite {name} has no rules");
        }

        if (repeats is < 1 or > 100)
        {
            throw new FaceEvalException(ErrorKind.Usage, $"gate suite {name}: repeats must be 1..100");
        }

        return new GateSuite(name, run, rules, repeats);
    }
}
