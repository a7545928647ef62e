using System.CommandLine;
using System.Globalization;
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
        var from = new Option<string[]>("--from") { HelpName = "X", Description = "first value (one per --param NAME without =, in order)", Arity = ArgumentArity.ZeroOrMore };
        var to = new Option<string[]>("--to") { HelpName = "Y", Description = "last value, included: X plus a whole number of steps (one per --param)", Arity = ArgumentArity.ZeroOrMore };
        var step = new Option<string[]>("--step") { HelpName = "S", Description = "step; values are exactly X + k*S (one per --param)", Arity = ArgumentArity.ZeroOrMore };
        var values = new Option<string[]>("--values") { HelpName = "a,b,c", Description = "explicit comma-separated values instead of a range (one per --param NAME without =; not with --from)", Arity = ArgumentArity.ZeroOrMore };
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

    /// <summary>
    /// One axis per --param, in order. A bare NAME takes the next --from/--to/--step triple or the next
    /// --values list, else its eval.config.json range; NAME=... carries its own. Every combination that
    /// would leave a given value unused, or pair values with a parameter by a rule the user cannot see,
    /// is refused instead.
    /// </summary>
    private static SweepAxis[] Axes(string[] names, string[] from, string[] to, string[] step, string[] values, EvalConfig config)
    {
        var ranges = from.Length;
        if (to.Length != ranges || step.Length != ranges)
        {
            throw new FaceEvalException(ErrorKind.Usage, $"--from, --to and --step must be given together, once per --param (got {from.Length}, {to.Length} and {step.Length})");
        }

        if (ranges > 0 && values.Length > 0)
        {
            // Ranges were paired with the first bare --param names and lists with the rest, whatever the
            // order on the command line; say it with NAME=from:to:step and NAME=a,b,c instead.
            throw new FaceEvalException(ErrorKind.Usage, "--from/--to/--step and --values cannot be mixed; give each parameter its own range as --param NAME=from:to:step or list as --param NAME=a,b,c");
        }

        var bare = names.Count(n => !n.Contains('='));
        var given = ranges + values.Length;
        if (given > 0 && given != bare)
        {
            var what = ranges > 0 ? "--from/--to/--step ranges" : "--values lists";
            throw new FaceEvalException(ErrorKind.Usage,
                $"{given} {what} for {bare} --param without '=' ({string.Join(", ", names.Where(n => !n.Contains('=')))}); give exactly one per such --param (NAME=... carries its own values)");
        }

        var axes = new List<SweepAxis>();
        var next = 0;
        foreach (var raw in names)
        {
            var eq = raw.IndexOf('=');
            var name = (eq < 0 ? raw : raw[..eq]).Trim();
            if (name.Length == 0)
            {
                throw new FaceEvalException(ErrorKind.Usage, $"--param '{raw}' names no parameter");
            }

            if (eq >= 0)
            {
                axes.Add(Inline(name, raw[(eq + 1)..]));
            }
            else if (ranges > 0)
            {
                axes.Add(SweepAxis.Range(name, from[next], to[next], step[next]));
                next++;
            }
            else if (values.Length > 0)
            {
                axes.Add(SweepAxis.List(name, values[next++]));
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

        return axes.ToArray();
    }

    /// <summary>NAME=from:to:step when the spec is three numbers split by ':', else NAME=a,b,c.</summary>
    private static SweepAxis Inline(string name, string spec)
    {
        var parts = spec.Split(':');
        return parts.Length == 3 && parts.All(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            ? SweepAxis.Range(name, parts[0], parts[1], parts[2])
            : SweepAxis.List(name, spec);
    }

    private static IEnumerable<MetricConstraint> Constraints(string[]? given, IReadOnlyDictionary<string, double> configured, bool upper)
    {
        if (given is not { Length: > 0 })
        {
            return MetricConstraint.FromConfig(configured, upper);
        }

        var parsed = given.Select(g => MetricConstraint.Parse(g, upper)).ToArray();
        if (parsed.GroupBy(c => c.Metric).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            // Only the tighter of two bounds on one metric would ever matter.
            throw new FaceEvalException(ErrorKind.Usage, $"{(upper ? "--max" : "--min")} {twice.Key.JsonName()} is given more than once");
        }

        return parsed;
    }
}
