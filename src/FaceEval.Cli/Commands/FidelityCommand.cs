using System.CommandLine;
using FaceEval.Cli.Output;
using FaceEval.Core.Algorithms;
using FaceEval.Core.Fidelity;

namespace FaceEval.Cli.Commands;

internal static class FidelityCommand
{
    public static Command Create()
    {
        var shared = new EvaluationOptions();
        var settings = new Option<string?>("--settings") { HelpName = "FILE", Description = "JSON list of settings to compare, {\"settings\": [{\"algorithm\": \"dbscan\", \"set\": {\"eps\": 0.4}}, ...]} (instead of --algorithm and --set)" };
        var json = new Option<bool>("--json") { Description = "print the rows as JSON" };
        var markdown = new Option<bool>("--markdown") { Description = "print the rows as a markdown table" };
        var command = new Command("fidelity",
            "Replay settings on the full matrix and on a neighbour graph of one snapshot (at most 46,000 faces) and measure how far the graph form's labels agree (ARI to the full form; identical or not). Default: every algorithm with a graph form at its default setting, on the exact graph.");
        shared.AddTo(command);
        shared.AddNeighborsTo(command);
        command.Options.Add(settings);
        command.Options.Add(json);
        command.Options.Add(markdown);
        command.SetAction(parse =>
        {
            parse.RefuseTogether([json], [markdown], "they are two formats of one output");
            var config = shared.LoadConfig(parse);
            var file = parse.GetValue(settings);
            if (file is not null)
            {
                parse.RefuseTogether([settings], [shared.Algorithm, shared.Set], "the settings file names every algorithm and its overrides");
            }
            else if (!parse.IsGiven(shared.Algorithm))
            {
                parse.Refuse("without --algorithm: the default compares every algorithm at its own default setting", shared.Set);
            }

            var run = shared.Read(parse, config, AlgorithmNames.Name(FidelityJob.GraphAlgorithms[0]));
            IReadOnlyList<FidelitySetting> chosen = file is not null ? FidelitySettingsFile.Read(Path.GetFullPath(file))
                : parse.IsGiven(shared.Algorithm) ? [new FidelitySetting(run.Algorithm, run.Overrides)]
                : FidelityJob.GraphAlgorithms.Select(a => new FidelitySetting(a, [])).ToArray();
            if (parse.IsGiven(shared.Algorithm))
            {
                EvaluationOptions.RefuseInertSettings(run, config);
            }

            if (!chosen.Any(s => AlgorithmCatalog.UsesSeed(s.Algorithm)))
            {
                parse.Refuse("when no compared algorithm has a random step: every seed gives the same labels", shared.Seed);
            }

            var request = new FidelityRequest(run.SnapshotDirectory, run.Model, chosen, shared.ReadNeighbors(parse), run.RelationTypes, run.Seed);
            var notices = new List<string>();
            var result = ConsoleProgress.Run("distances", p => FidelityJob.Run(request, config, p, notices.Add));
            notices.ForEach(n => Console.Error.WriteLine($"faceeval: {n}"));
            if (parse.GetValue(json))
            {
                Console.WriteLine(FidelityJson.Serialize(result));
            }
            else if (parse.GetValue(markdown))
            {
                FidelityTables.PrintMarkdown(result);
            }
            else
            {
                FidelityTables.Print(result);
            }

            return 0;
        });
        return command;
    }
}
