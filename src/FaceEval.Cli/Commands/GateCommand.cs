using System.CommandLine;
using FaceEval.Cli.Output;
using FaceEval.Core.Algorithms;
using FaceEval.Core.Configuration;
using FaceEval.Core.Errors;
using FaceEval.Core.Gates;

namespace FaceEval.Cli.Commands;

internal static class GateCommand
{
    public static Command Create()
    {
        var shared = new EvaluationOptions();
        var suite = new Option<string[]>("--suite") { HelpName = "NAME", Description = "run only these suites of eval.config.json (repeatable; not with a one-off suite)", Arity = ArgumentArity.ZeroOrMore };
        var baseline = new Option<string?>("--baseline") { HelpName = "FILE", Description = "baseline file (default: \"gates.baseline\" in eval.config.json, reports/baseline.json)" };
        var rule = new Option<string[]>("--rule") { HelpName = "RULE", Description = "a one-off suite's rule: metric>=x, metric<=x or metric~tolerance (repeatable; default: the rules its baseline recorded, else docs/ci.md's tolerances)", Arity = ArgumentArity.ZeroOrMore };
        var repeats = new Option<int>("--repeats") { HelpName = "N", Description = "a one-off suite's number of runs with seeds seed, seed+1, ... (the mean is judged; only for an algorithm with a random step)", DefaultValueFactory = _ => 1 };
        var junit = new Option<string?>("--junit") { HelpName = "FILE", Description = "also write a JUnit XML file here (one test case per rule; not with --update-baseline)" };
        var report = new Option<string?>("--report") { HelpName = "FILE", Description = "where to write the gate result as JSON (default: reports/gate.json; not with --update-baseline)" };
        var update = new Option<bool>("--update-baseline") { Description = "record the current metrics of the suites that run as their baseline entries instead of judging (other entries of the file are kept; needs --reason)" };
        var reason = new Option<string?>("--reason") { HelpName = "TEXT", Description = "why the baseline changes; stored in it (only with --update-baseline)" };
        var command = new Command("gate", "Regression gate for CI: run the gate suites of eval.config.json, or the one-off suite that --snapshot/--model/--algorithm/--set/--rule define, and judge every rule against its bound and the baseline; exit 0 all pass, 1 any regression.");
        shared.AddTo(command);
        shared.AddNeighborsTo(command);
        foreach (var option in new Option[] { suite, baseline, rule, repeats, junit, report, update, reason })
        {
            command.Options.Add(option);
        }

        // Any of these on the command line means "gate this setting", never the configured suites.
        Option[] definesOneOff = [shared.Snapshot, shared.Model, shared.Algorithm, shared.Set, rule];

        // These only shape a one-off suite; a configured suite takes seed, repeats, relation types and neighbours from eval.config.json.
        Option[] modifiesOneOff = [shared.Seed, repeats, shared.RelationTypes, .. shared.NeighborOptions];

        command.SetAction(parse =>
        {
            var oneOff = parse.AnyGiven(definesOneOff);
            var updating = parse.GetValue(update);
            if (oneOff)
            {
                parse.RefuseTogether([suite], definesOneOff, "--suite picks configured suites, the others define a one-off suite; give one or the other");
            }
            else
            {
                parse.Refuse("without a one-off suite (--snapshot/--model/--algorithm/--set/--rule): configured suites take them from eval.config.json", modifiesOneOff);
            }

            if (updating)
            {
                parse.Refuse("with --update-baseline, which records metrics and judges no rule", junit, report);
            }
            else
            {
                parse.Refuse("without --update-baseline: only a recorded baseline stores a reason", reason);
            }

            var config = shared.LoadConfig(parse);
            var baselinePath = parse.GetValue(baseline) is { } b ? Path.GetFullPath(b) : config.ResolvePath(config.Gates.Baseline);
            var suites = oneOff ? [OneOff(parse, shared, config, rule, repeats, baselinePath)] : Configured(parse.GetValue(suite) ?? [], config);
            var options = new GateOptions(
                suites,
                baselinePath,
                parse.GetValue(report) is { } r ? Path.GetFullPath(r) : config.ResolvePath(Path.Combine("reports", "gate.json")),
                parse.GetValue(junit) is { } j ? Path.GetFullPath(j) : null);
            if (updating)
            {
                var written = GateJob.UpdateBaseline(options, config, parse.GetValue(reason) ?? "");
                var names = suites.Select(s => s.Name).ToHashSet();
                var kept = written.Suites.Keys.Where(k => !names.Contains(k)).ToArray();
                Console.WriteLine($"baseline written: {options.BaselinePath} (recorded {string.Join(", ", names)}; "
                    + (kept.Length == 0 ? "no other entries)" : $"kept {kept.Length} other entr{(kept.Length == 1 ? "y" : "ies")}: {string.Join(", ", kept)})"));
                return 0;
            }

            var result = ConsoleProgress.Run("gate", p => GateJob.Check(options, config, p));
            GateTables.Print(result);
            foreach (var failure in result.Failures)
            {
                Console.Error.WriteLine($"faceeval: gate failed: {failure.Message}");
            }

            return result.Passed ? 0 : 1;
        });
        return command;
    }

    private static GateSuite OneOff(ParseResult parse, EvaluationOptions shared, EvalConfig config, Option<string[]> rule, Option<int> repeats, string baselinePath)
    {
        var run = shared.Read(parse, config) with { Neighbors = shared.ReadNeighbors(parse) };
        shared.RefuseUnusedSeed(parse, run.Algorithm);
        EvaluationOptions.RefuseInertSettings(run, config);
        if (parse.GetValue(repeats) > 1 && !AlgorithmCatalog.UsesSeed(run.Algorithm))
        {
            throw GivenOptions.NotApplicable([repeats.Name], $"with {AlgorithmNames.Name(run.Algorithm)}: it has no random step, every repeat gives the same labels");
        }

        var rules = (parse.GetValue(rule) ?? []).Select(GateRule.Parse).ToArray();
        var recorded = rules.Length == 0 && File.Exists(baselinePath) ? GateBaseline.Load(baselinePath) : null;
        return GateSuite.OneOff(run, rules, parse.GetValue(repeats), recorded);
    }

    private static GateSuite[] Configured(string[] names, EvalConfig config)
    {
        var unknown = names.Except(config.Gates.Suites.Select(s => s.Name)).ToArray();
        if (unknown.Length > 0)
        {
            throw new FaceEvalException(ErrorKind.UnknownName,
                $"unknown gate suite {unknown[0]}; eval.config.json has: {string.Join(", ", config.Gates.Suites.Select(s => s.Name))}");
        }

        var suites = config.Gates.Suites.Where(s => names.Length == 0 || names.Contains(s.Name)).Select(s => GateSuite.FromConfig(s, config)).ToArray();
        return suites.Length > 0 ? suites
            : throw new FaceEvalException(ErrorKind.Usage, "no gate suites: add gates.suites to eval.config.json or define a one-off suite with --snapshot/--model/--algorithm/--set/--rule");
    }
}
