using FaceEval.Core.Algorithms;
using FaceEval.Core.Configuration;
using FaceEval.Core.Errors;
using FaceEval.Core.Evaluation;
using FaceEval.Core.Metrics;

namespace FaceEval.Core.Gates;

/// <summary>A validated gate suite: what to run (snapshot, model, algorithm, overrides, seed, neighbour structure), how often, and the rules.</summary>
public sealed record GateSuite(string Name, RunOptions Run, IReadOnlyList<GateRule> Rules, int Repeats)
{
    /// <summary>The name a suite given on the command line runs and is recorded under, beside the configured suites.</summary>
    public const string OneOffName = "command-line";

    /// <summary>
    /// Rules of a one-off suite given without --rule and with no rules recorded for it in the baseline:
    /// tolerances against the baseline, as tight as the configured suites' (docs/ci.md).
    /// </summary>
    public static IReadOnlyList<string> DefaultOneOffRules { get; } =
        ["ari~0.01", "bcubed_f1~0.01", "pairwise_precision~0.01", "sibling_confusion~0.01", "largest_cluster_share~0.01"];

    /// <summary>
    /// The suite the command line names. Its rules are <paramref name="rules"/> when given, else those the
    /// baseline recorded for it, else <see cref="DefaultOneOffRules"/>.
    /// </summary>
    public static GateSuite OneOff(RunOptions run, IReadOnlyList<GateRule> rules, int repeats, GateBaseline? baseline)
    {
        var chosen = rules.Count > 0 ? rules
            : (baseline is not null && baseline.Suites.TryGetValue(OneOffName, out var entry) && entry.Rules is { Count: > 0 } recorded ? recorded : DefaultOneOffRules)
                .Select(GateRule.Parse).ToArray();
        return Create(OneOffName, run, chosen, repeats);
    }

    public static GateSuite FromConfig(GateSuiteConfig suite, EvalConfig config)
    {
        if (string.IsNullOrWhiteSpace(suite.Name))
        {
            throw new FaceEvalException(ErrorKind.InvalidData, "every gate suite in eval.config.json needs a name");
        }

        if (suite.Name == OneOffName)
        {
            // The baseline keeps one entry per name; a configured suite of this name and a one-off suite would overwrite each other.
            throw new FaceEvalException(ErrorKind.InvalidData, $"gate suite name '{OneOffName}' is reserved for the suite given on the command line; rename it in eval.config.json");
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
            suite.Seed ?? config.Seed)
        {
            Neighbors = new NeighborRequest(suite.Neighbors is { } n ? Structure(n, suite.Name) : null, suite.K),
        };
        return Create(suite.Name, run, suite.Rules.Select(GateRule.Parse).ToArray(), suite.Repeats);
    }

    private static Neighbors.NeighborStructure Structure(string text, string suite)
    {
        try
        {
            return RecordedNeighbors.ParseOption(text, $"gate suite {suite}: neighbors");
        }
        catch (FaceEvalException e) when (e.Kind == ErrorKind.Usage)
        {
            throw new FaceEvalException(ErrorKind.InvalidData, e.Message);
        }
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

        if (repeats > 1 && !AlgorithmCatalog.UsesSeed(run.Algorithm))
        {
            // Every repeat would give the same labels: the mean of identical runs only pretends to average.
            throw new FaceEvalException(ErrorKind.Usage,
                $"gate suite {name}: repeats {repeats} has no effect with {AlgorithmNames.Name(run.Algorithm)}, which has no random step (every seed gives the same labels)");
        }

        return new GateSuite(name, run, rules, repeats);
    }
}
