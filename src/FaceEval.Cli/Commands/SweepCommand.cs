using System.CommandLine;
using FaceEval.Cli.Output;
using FaceEval.Core.Algorithms;
using FaceEval.Core.Configuration;
using FaceEval.Core.Errors;
using FaceEval.Core.Metrics;
using FaceEval.Core.Sweeps;

namespace FaceEval.Cli.Commands;

internal static class SweepCommand
{
    public static Command Create()
    {
        var shared = new EvaluationOptions();
        var param = new Option<string[]>("--param") { HelpName = "NAME", Description = "parameter to sweep (repeatable: several make a grid); NAME, NAME=from:to:step or NAME=a,b,c", Arity = ArgumentArity.OneOrMore, Required = true };
        var from = new Option<double[]>("--from") { HelpName = "X", Description = "first value (one per --param, in order)", Arity = ArgumentArity.ZeroOrMore };
        var to = new Option<double[]>("--to") { HelpName = "Y", Description = "last value, included (one per --param)", Arity = ArgumentArity.ZeroOrMore };
        var step = new Option<double[]>("--step") { HelpName = "S", Description = "step (one per --param)", Arity = ArgumentArity.ZeroOrMore };
        var values = new Option<string[]>("--values") { HelpName = "a,b,c", Description = "explicit comma-separated values instead of a range (one per --param)", Arity = ArgumentArity.ZeroOrMore };
        var objective = new Option<string?>("--objective") { HelpName = "METRIC", Description = "metric to optimise (any metric key; default: \"objective\" in eval.config.json, bcubed_f1)" };
        var max = new Option<string[]>("--max") { HelpName = "metric=value", Description = "upper bound metric=value the best setting must respect, e.g. sibling_confusion=0.05 (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var min = new Option<string[]>("--min") { HelpName = "metric=value", Description = "lower bound metric=value (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var outDir = new Option<string?>("--out") { HelpName = "DIR", Description = "directory for sweep.csv and sweep.json (default: reports/sweeps/<algorithm>-<params>)" };
        var command = new Command("sweep", "Run an algorithm over a range or grid of parameter values, score each setting and name the best.");
        shared.AddTo(command);
        foreach (var option in new Option[] { param, from, to, step, values, objective, max, min, outDir })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var config = shared.LoadConfig(parse);
            var names = parse.GetValue(param)!;
            var axes = Axes(names, parse.GetValue(from) ?? [], parse.GetValue(to) ?? [], parse.GetValue(step) ?? [], parse.GetValue(values) ?? [], config);
            var defaultAlgorithm = config.Sweeps.TryGetValue(axes[0].Parameter, out var d) ? d.Algorithm : null;
            var options = shared.Read(parse, config, defaultAlgorithm);
            var goal = MetricKeys.Parse(parse.GetValue(objective) ?? config.Objective);
            var constraints = Constraints(parse.GetValue(max), config.Max, upper: true)
                .Concat(Constraints(parse.GetValue(min), config.Min, upper: false)).ToArray();
            var output = parse.GetValue(outDir) is { } o ? Path.GetFullPath(o)
                : config.ResolvePath(Path.Combine("reports", "sweeps", $"{AlgorithmNames.Name(options.Algorithm)}-{string.Join("-", axes.Select(a => a.Parameter))}"));
            var result = ConsoleProgress.Run("sweep", p => SweepJob.Execute(options, axes, goal, constraints, config, output, p));
            SweepTables.Print(result);
            Console.WriteLine($"wrote {Path.Combine(output, SweepWriter.CsvName)} and {SweepWriter.JsonName}");
            return 0;
        });
        return command;
    }

    private static SweepAxis[] Axes(string[] names, double[] from, double[] to, double[] step, string[] values, EvalConfig config)
    {
        var explicitRanges = from.Length;
        if (to.Length != explicitRanges || step.Length != explicitRanges)
        {
            throw new FaceEvalException(ErrorKind.Usage, "--from, --to and --step must be given together, once per --param");
        }

        var axes = new List<SweepAxis>();
        int nextRange = 0, nextList = 0;
        foreach (var raw in names)
        {
            var eq = raw.IndexOf('=');
            var name = eq < 0 ? raw.Trim() : raw[..eq].Trim();
            if (eq >= 0)
            {
                axes.Add(Inline(name, raw[(eq + 1)..]));
            }
            else if (nextRange < explicitRanges)
            {
                axes.Add(SweepAxis.Range(name, from[nextRange], to[nextRange], step[nextRange]));
                nextRange++;
            }
            else if (nextList < values.Length)
            {
                axes.Add(SweepAxis.List(name, values[nextList++]));
            }
            else if (config.Sweeps.TryGetValue(name, out var d))
            {
                axes.Add(d.Axis(name));
            }
            else
            {
                throw new FaceEvalException(ErrorKind.Usage, $"no range for {name}: pass --from/--to/--step or --values, or add sweeps.{name} to eval.config.json");
            }
        }

        if (nextRange != explicitRanges || nextList != values.Length)
        {
            throw new FaceEvalException(ErrorKind.Usage, "more --from/--to/--step or --values than --param");
        }

        return axes.ToArray();
    }

    private static SweepAxis Inline(string name, string spec)
    {
        var parts = spec.Split(':');
        if (parts.Length == 3 && parts.All(p => double.TryParse(p, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)))
        {
            var n = parts.Select(p => double.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            return SweepAxis.Range(name, n[0], n[1], n[2]);
        }

        return SweepAxis.List(name, spec);
    }

    private static IEnumerable<MetricConstraint> Constraints(string[]? given, IReadOnlyDictionary<string, double> configured, bool upper) =>
        given is { Length: > 0 }
            ? given.Select(g => MetricConstraint.Parse(g, upper))
            : MetricConstraint.FromConfig(configured, upper);
}
