using System.CommandLine;
using System.Globalization;
using FaceEval.Cli.Output;
using FaceEval.Core.Evaluation;

namespace FaceEval.Cli.Commands;

/// <summary>
/// <c>faceeval neighbors</c>: builds or loads a snapshot's exact or approx graph in its cache, so runs and
/// sweeps start from it. Its stdout lines are parsed by benchmarks/neighbors/side_by_side.py: keep
/// "built in N s" and "recall@K: R" as they are.
/// </summary>
internal static class NeighborsCommand
{
    public static Command Create()
    {
        var shared = new EvaluationOptions();
        var command = new Command("neighbors", "Build (or load) a snapshot's k-nearest-neighbour graph, exact or approx, in its cache; print build time, recall and where it is.");
        foreach (var option in new Option[] { shared.Config, shared.Snapshot, shared.Model })
        {
            command.Options.Add(option);
        }

        shared.AddNeighborsTo(command);
        command.SetAction(parse =>
        {
            var config = shared.LoadConfig(parse);
            var snapshot = parse.GetValue(shared.Snapshot) is { } s ? Path.GetFullPath(s)
                : config.Snapshot is { } cs ? config.ResolvePath(cs)
                : throw new Core.Errors.FaceEvalException(Core.Errors.ErrorKind.Usage, "no snapshot: pass --snapshot DIR or set \"snapshot\" in eval.config.json");
            var model = parse.GetValue(shared.Model) ?? config.Model
                ?? throw new Core.Errors.FaceEvalException(Core.Errors.ErrorKind.Usage, "no model: pass --model NAME or set \"model\" in eval.config.json");
            var result = ConsoleProgress.Run("neighbours", p => NeighborsJob.Execute(snapshot, model, shared.ReadNeighbors(parse), p));
            var cache = result.Cache;
            var k = cache.Graph.K;
            Console.WriteLine($"neighbors: {result.Choice}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"faces: {result.Faces:N0} x {result.Dimension}"));
            Console.WriteLine(cache.Loaded
                ? string.Create(CultureInfo.InvariantCulture, $"loaded in {cache.Seconds:0.0} s from the cache (built in {cache.BuildSeconds:0.0} s when it was made)")
                : string.Create(CultureInfo.InvariantCulture, $"built in {cache.BuildSeconds:0.0} s"));
            if (cache.Recall is { } recall)
            {
                Console.WriteLine(recall.Describe(k));
                Console.WriteLine(recall.DescribeNear(k));
            }

            Console.WriteLine($"cache: {cache.Directory}");
            if (cache.RebuildReason is { } why)
            {
                Console.Error.WriteLine($"faceeval: rebuilt the cache: {why}");
            }

            foreach (var warning in new[] { cache.Warning, cache.Recall is { } r && result.Choice.Index is { } index ? index.RecallWarning(r, k) : null })
            {
                if (warning is not null)
                {
                    Console.Error.WriteLine($"faceeval: warning: {warning}");
                }
            }

            return 0;
        });
        return command;
    }
}
