using System.CommandLine;
using FaceEval.Cli.Output;
using FaceEval.Core.Evaluation;
using FaceEval.Core.Metrics;

namespace FaceEval.Cli.Commands;

internal static class RunCommand
{
    public static Command Create()
    {
        var shared = new EvaluationOptions();
        var outDir = new Option<string?>("--out") { HelpName = "DIR", Description = "write labels.csv (face_id,label) and metrics.json to this directory" };
        var json = new Option<bool>("--json") { Description = "print the metric object as JSON instead of a table" };
        var command = new Command("run", "Replay one algorithm setting on a snapshot and score it against the ground truth.");
        shared.AddTo(command);
        shared.AddNeighborsTo(command);
        command.Options.Add(outDir);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var config = shared.LoadConfig(parse);
            var options = shared.Read(parse, config) with { Neighbors = shared.ReadNeighbors(parse) };
            shared.RefuseUnusedSeed(parse, options.Algorithm);
            EvaluationOptions.RefuseInertSettings(options, config);
            var notices = new List<string>();
            var result = ConsoleProgress.Run("distances", p => RunJob.Execute(options, config, parse.GetValue(outDir), p, notices.Add));

            // After the bar is gone, so the lines are not drawn over; on an error only its one line is printed.
            notices.ForEach(n => Console.Error.WriteLine($"faceeval: {n}"));

            if (parse.GetValue(json))
            {
                Console.WriteLine(MetricReportJson.Serialize(result.Metrics));
            }
            else
            {
                MetricTables.Print(result.Metrics, $"{result.Parameters.Algorithm}  {result.Parameters}  ({result.Seconds:0.###} s)");
            }

            return 0;
        });
        return command;
    }
}
