using System.CommandLine;
using FaceEval.Cli.Output;
using FaceEval.Core.Configuration;
using FaceEval.Core.Errors;
using FaceEval.Core.Gates;

namespace FaceEval.Cli.Commands;

internal static class GateCommand
{
    public static Command Create()
    {
        var shared = new EvaluationOptions();
        var suite = new Option<string[]>("--suite") { HelpName = "NAME", Description = "run only these suites of eval.config.json (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var baseline = new Option<string?>("--baseline") { HelpName = "FILE", Description = "baseline file (default: \"gates.baseline\" in eval.config.json, reports/baseline.json)" };
        var rule = new Option<string[]>("--rule") { HelpName = "RULE", Description = "a one-off suite's rule: metric>=x, metric<=x or metric~tolerance (repeatable; with --snapshot/--model/--algorithm instead of the config's suites)", Arity = ArgumentArity.ZeroOrMore };
        var repeats = new Option<int>("--repeats") { HelpName = "N", Description = "a one-off suite's number of runs with seeds seed, seed+1, ... (the mean is judged)", DefaultValueFactory = _ => 1 };
        var junit = new Option<string?>("--junit") { HelpName = "FILE", Description = "also write a JUnit XML file here (one test case per rule)" };
        var report = new Option<string?>("--report") { HelpName = "FILE", Description = "where to write the gate result as JSON (default: reports/gate.json)" };
        var update = new Option<bool>("--update-baseline") { Description = "record the current metrics as the new baseline instead of judging (needs --reason)" };
        var reason = new Option<string?>("--reason") { HelpName = "TEXT", Description = "why the baseline changes; stored in it" };
        var command = new Command("gate", "Regression gate for CI: run the gate suites, judge every rule against its bound and the baseline; exit 0 all pass, 1 any regression.");
        shared.AddTo(command);
        foreach (var option in new Option[] { suite, baseline, rule, repeats, junit, report, update, reason })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var config = shared.LoadConfig(parse);
            var rules = parse.GetValue(rule) ?? [];
            GateSuite[] suites;
            if (rules.Length > 0)
            {
                suites = [GateSuite.Create("command-line", shared.Read(parse, config), rules.Select(GateRule.Parse).ToArray(), parse.GetValue(repeats))];
            }
            else
            {
                var names = parse.GetValue(suite) ?? [];
                var unknown = names.Except(config.Gates.Suites.Select(s => s.Name)).ToArray();
                if (unknown.Length > 0)
                {
                    throw new FaceEvalException(ErrorKind.UnknownName,
                        $"unknown gate suite {unknown[0]}; eval.config.json has: {string.Join(", ", config.Gates.Suites.Select(s => s.Name))}");
                }

                suites = config.Gates.Suites.Where(s => names.Length == 0 || names.Contains(s.Name)).Select(s => GateSuite.FromConfig(s, config)).ToArray();
                if (suites.Length == 0)
                {
                    throw new FaceEvalException(ErrorKind.Usage, "no gate suites: add gates.suites to eval.config.json or give --rule with --snapshot/--model/--algorithm");
                }
            }

            var options = new GateOptions(
                suites,
                parse.GetValue(baseline) is { } b ? Path.GetFullPath(b) : config.ResolvePath(config.Gates.Baseline),
                parse.GetValue(report) is { } r ? Path.GetFullPath(r) : config.ResolvePath(Path.Combine("reports", "gate.json")),
                parse.GetValue(junit) is { } j ? Path.GetFullPath(j) : null);
            if (parse.GetValue(update))
            {
                GateJob.UpdateBaseline(options, config, parse.GetValue(reason) ?? "");
                Console.WriteLine($"baseline written: {options.BaselinePath} ({suites.Length} suite(s))");
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
}
