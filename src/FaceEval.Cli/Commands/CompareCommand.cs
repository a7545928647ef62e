using System.CommandLine;
using FaceEval.Cli.Output;
using FaceEval.Core.Algorithms;
using FaceEval.Core.Analysis;
using FaceEval.Core.Errors;
using FaceEval.Core.Evaluation;
using FaceEval.Core.Metrics;
using FaceEval.Core.Reporting;
using FaceEval.Core.Sweeps;
using FaceEval.Reports.Jobs;

namespace FaceEval.Cli.Commands;

internal static class CompareCommand
{
    public static Command Create()
    {
        var config = new Option<string?>("--config") { Description = "eval.config.json to read defaults from (default: the nearest one in this folder or above)" };
        var snapshot = new Option<string[]>("--snapshot") { HelpName = "DIR", Description = "snapshot holding every model's embeddings, or one per --model (snapshots of the same faces) (default: \"snapshot\" in eval.config.json)", Arity = ArgumentArity.ZeroOrMore };
        var models = new Option<string[]>("--model") { Description = "a model to compare (repeat: at least two)", Arity = ArgumentArity.OneOrMore, Required = true };
        var param = new Option<string>("--param") { Description = "parameter re-tuned per model, with its algorithm and range from eval.config.json \"sweeps\"", DefaultValueFactory = _ => "assignDistance" };
        var objective = new Option<string?>("--objective") { Description = "metric the re-tuning maximises (default: \"objective\" in eval.config.json)" };
        var seed = new Option<int?>("--seed") { Description = "seed for pair sampling (when pairs exceed --max-impostor-pairs; the page says whether they did) and for the re-tuned algorithm's random step (chinese-whispers, gated) (default: \"seed\" in eval.config.json)" };
        var relationTypes = new Option<string?>("--relation-types") { Description = "relation types counted as look-alikes (default: sibling,twin*)" };
        var maxImpostor = new Option<int>("--max-impostor-pairs") { Description = "above this many impostor pairs, a seeded sample of this many is scored", DefaultValueFactory = _ => 2_000_000 };
        var outDir = new Option<string?>("--out") { HelpName = "DIR", Description = "directory for index.html, report.json and the CSV tables (default: reports/compare-<models>)" };
        var command = new Command("compare", "Compare embedding models on one snapshot (or snapshots of the same faces): verification (ROC, TAR@FAR, EER), separation of people and look-alikes, best re-tuned clustering.");
        foreach (var option in new Option[] { config, snapshot, models, param, objective, seed, relationTypes, maxImpostor, outDir })
        {
            command.Options.Add(option);
        }

        // The re-tuning sweeps run the algorithm, so they take the structure it reads, as `sweep` does.
        var neighbors = new EvaluationOptions();
        neighbors.AddNeighborsTo(command);

        command.SetAction(parse =>
        {
            var cfg = Core.Configuration.EvalConfig.Load(parse.GetValue(config));
            var dirs = parse.GetValue(snapshot) is { Length: > 0 } given ? given.Select(Path.GetFullPath).ToArray()
                : cfg.Snapshot is { } cs ? [cfg.ResolvePath(cs)]
                : throw new FaceEvalException(ErrorKind.Usage, "no snapshot: pass --snapshot DIR or set \"snapshot\" in eval.config.json");
            var name = parse.GetValue(param)!;
            if (!cfg.Sweeps.TryGetValue(name, out var range))
            {
                throw new FaceEvalException(ErrorKind.UnknownName, $"no sweep range for '{name}' in eval.config.json \"sweeps\"; valid: {string.Join(", ", cfg.Sweeps.Keys)}");
            }

            var axis = range.Axis(name);
            var kind = AlgorithmNames.Parse(range.Algorithm);
            var baseline = RunJob.Parameters(AlgorithmCatalog.Get(kind), cfg, []);
            var constraints = MetricConstraint.FromConfig(cfg.Max, isUpperBound: true)
                .Concat(MetricConstraint.FromConfig(cfg.Min, isUpperBound: false)).ToArray();
            var seedValue = parse.GetValue(seed) ?? cfg.Seed;
            var list = parse.GetValue(models)!;
            if (parse.GetValue(maxImpostor) < 1000)
            {
                throw new FaceEvalException(ErrorKind.Usage, "--max-impostor-pairs must be at least 1000");
            }

            var output = parse.GetValue(outDir) is { } o ? Path.GetFullPath(o) : cfg.ResolvePath(Path.Combine("reports", "compare-" + string.Join("-vs-", list)));
            var request = new CompareRequest(dirs, list, kind, baseline, axis, MetricKeys.Parse(parse.GetValue(objective) ?? cfg.Objective), constraints,
                RelationTypeFilter.Parse(parse.GetValue(relationTypes) ?? cfg.RelationTypes, strict: parse.IsGiven(relationTypes)),
                new VerificationOptions(MaxImpostorPairs: parse.GetValue(maxImpostor), Seed: seedValue), seedValue, output, SeedGiven: parse.AnyGiven([seed]))
            {
                Neighbors = neighbors.ReadNeighbors(parse),
            };
            var (_, files) = ConsoleProgress.Run("compare", p => CompareJob.Execute(request, p));
            Console.WriteLine($"wrote {Path.Combine(output, "index.html")} ({files.Count} files)");
            return 0;
        });
        return command;
    }
}
