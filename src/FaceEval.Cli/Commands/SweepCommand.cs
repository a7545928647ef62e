using System.CommandLine;
using System.Globalization;
using FaceEval.Cli.Output;
using FaceEval.Core.Algorithms;
using FaceEval.Core.Configuration;
using FaceEval.Core.Errors;
using FaceEval.Core.Evaluation;
using FaceEval.Core.Metrics;
using FaceEval.Core.Sweeps;

namespace FaceEval.Cli.Commands;

internal static class SweepCommand
{
    public static Command Create()
    {
        var shared = new EvaluationOptions();
        var param = new Option<string[]>("--param") { HelpName = "P=from:to:step|P=a,b,c", Description = "parameter to sweep and its values, from:to:step (to included, values exactly from + k*step) or a list a,b,c; a bare P takes sweeps.P from eval.config.json (repeatable: several make a grid)", Arity = ArgumentArity.OneOrMore, Required = true };

        // The old positional form, hidden: kept only to say what replaced it rather than fail on an unknown option.
        var from = Retired("--from");
        var to = Retired("--to");
        var step = Retired("--step");
        var values = Retired("--values");
        var objective = new Option<string?>("--objective") { HelpName = "METRIC", Description = "metric to optimise (any metric key; default: \"objective\" in eval.config.json, bcubed_f1)" };
        var max = new Option<string[]>("--max") { HelpName = "metric=value", Description = "upper bound metric=value the best setting must respect, e.g. sibling_confusion=0.05 (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var min = new Option<string[]>("--min") { HelpName = "metric=value", Description = "lower bound metric=value (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var outDir = new Option<string?>("--out") { HelpName = "DIR", Description = "directory for sweep.csv and sweep.json (default: reports/sweeps/<algorithm>-<params>)" };
        var command = new Command("sweep", "Run an algorithm over a range or grid of parameter values, score each setting and name the best.");
        shared.AddTo(command);
        shared.AddNeighborsTo(command);
        foreach (var option in new Option[] { param, from, to, step, values, objective, max, min, outDir })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var names = parse.GetValue(param)!;
            RefuseRetired(names, parse.GetValue(from) ?? [], parse.GetValue(to) ?? [], parse.GetValue(step) ?? [], parse.GetValue(values) ?? []);
            var config = shared.LoadConfig(parse);
            var axes = Axes(names, config);
            var defaultAlgorithm = config.Sweeps.TryGetValue(axes[0].Parameter, out var d) ? d.Algorithm : null;
            var options = shared.Read(parse, config, defaultAlgorithm) with { Neighbors = shared.ReadNeighbors(parse) };
            shared.RefuseUnusedSeed(parse, options.Algorithm);
            RefuseInert(options, axes, config);
            var goal = MetricKeys.Parse(parse.GetValue(objective) ?? config.Objective);
            var constraints = Constraints(parse.GetValue(max), config.Max, upper: true)
                .Concat(Constraints(parse.GetValue(min), config.Min, upper: false)).ToArray();
            var output = parse.GetValue(outDir) is { } o ? Path.GetFullPath(o)
                : config.ResolvePath(Path.Combine("reports", "sweeps", $"{AlgorithmNames.Name(options.Algorithm)}-{string.Join("-", axes.Select(a => a.Parameter))}"));
            var notices = new List<string>();
            var result = ConsoleProgress.Run("sweep", p => SweepJob.Execute(options, axes, goal, constraints, config, output, p, notice: notices.Add));

            // After the bar is gone, so the lines are not drawn over; on an error only its one line is printed.
            notices.ForEach(n => Console.Error.WriteLine($"faceeval: {n}"));

            SweepTables.Print(result);
            Console.WriteLine($"wrote {Path.Combine(output, SweepWriter.CsvName)} and {SweepWriter.JsonName}");
            return 0;
        });
        return command;
    }

    /// <summary>
    /// A swept or --set parameter that the rest of the setting makes irrelevant at every point of the grid
    /// (e.g. selfLoops under similarity weights) would give identical rows: a usage error naming it.
    /// </summary>
    private static void RefuseInert(RunOptions run, IReadOnlyList<SweepAxis> axes, EvalConfig config)
    {
        var algorithm = AlgorithmCatalog.Get(run.Algorithm);
        var names = axes.Select(a => a.Parameter).Concat(run.Overrides.Select(o => o.Key)).Distinct().ToArray();
        var alwaysInert = names.ToDictionary(n => n, _ => (string?)null);
        var points = axes.Aggregate(
            (IEnumerable<KeyValuePair<string, string>[]>)[[]],
            (acc, axis) => acc.SelectMany(p => axis.Values.Select(v => p.Append(new KeyValuePair<string, string>(axis.Parameter, v)).ToArray())));
        foreach (var point in points)
        {
            var inert = algorithm.InertParameters(RunJob.Parameters(algorithm, config, run.Overrides.Concat(point)));
            foreach (var name in alwaysInert.Keys.ToArray())
            {
                if (inert.TryGetValue(name, out var why))
                {
                    alwaysInert[name] = why;
                }
                else
                {
                    alwaysInert.Remove(name);
                }
            }

            if (alwaysInert.Count == 0)
            {
                return;
            }
        }

        var (first, reason) = alwaysInert.First();
        var option = axes.Any(a => a.Parameter == first) ? $"--param {first}" : $"--set {first}";
        throw GivenOptions.NotApplicable([option], $"with this {AlgorithmNames.Name(run.Algorithm)} setting: {reason}");
    }

    private static Option<string[]> Retired(string name) => new(name) { Hidden = true, Arity = ArgumentArity.ZeroOrMore };

    /// <summary>
    /// --from/--to/--step and --values were paired with the bare --param names by position on the command
    /// line; --param P=from:to:step and P=a,b,c say the same without that rule. Their use is a usage error
    /// that spells out the replacement for what was typed.
    /// </summary>
    private static void RefuseRetired(string[] names, string[] from, string[] to, string[] step, string[] values)
    {
        if (from.Length + to.Length + step.Length + values.Length == 0)
        {
            return;
        }

        var bare = names.Where(n => !n.Contains('=')).Select(n => n.Trim()).DefaultIfEmpty("P").ToArray();
        string Name(int i) => bare[Math.Min(i, bare.Length - 1)];
        string At(string[] given, int i, string placeholder) => i < given.Length ? given[i] : placeholder;
        var ranges = Enumerable.Range(0, new[] { from.Length, to.Length, step.Length }.Max())
            .Select(i => $"--param {Name(i)}={At(from, i, "from")}:{At(to, i, "to")}:{At(step, i, "step")}");
        var lists = values.Select((v, i) => $"--param {Name(ranges.Count() + i)}={v}");
        var what = (ranges.Any(), values.Length > 0) switch
        {
            (true, true) => "--from/--to/--step and --values were",
            (true, false) => "--from/--to/--step were",
            _ => "--values was",
        };
        throw new FaceEvalException(ErrorKind.Usage, $"{what} replaced by {string.Join(" ", ranges.Concat(lists))}");
    }

    /// <summary>One axis per --param, in order: P=... carries its own values, a bare P takes its eval.config.json range.</summary>
    private static SweepAxis[] Axes(string[] names, EvalConfig config)
    {
        var axes = new List<SweepAxis>();
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
            else if (config.Sweeps.TryGetValue(name, out var d))
            {
                axes.Add(d.Axis(name));
            }
            else
            {
                throw new FaceEvalException(ErrorKind.Usage, $"no range for {name}: pass --param {name}=from:to:step or --param {name}=a,b,c, or add sweeps.{name} to eval.config.json");
            }
        }

        return axes.ToArray();
    }

    /// <summary>
    /// NAME=from:to:step when the spec is three parts split by ':' that start with two numbers (so a bad step
    /// is reported as one), else NAME=a,b,c.
    /// </summary>
    private static SweepAxis Inline(string name, string spec)
    {
        var parts = spec.Split(':');
        return parts.Length == 3 && parts.Take(2).All(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
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
