using System.CommandLine;
using FaceEval.Cli.Output;
using FaceEval.Core.Configuration;
using FaceEval.Core.Evaluation;
using FaceEval.Core.Metrics;

namespace FaceEval.Cli.Commands;

internal static class ScoreCommand
{
    public static Command Create()
    {
        var snapshot = new Option<string>("--snapshot") { HelpName = "DIR", Description = "snapshot directory holding the ground truth", Required = true };
        var predicted = new Option<string>("--predicted") { HelpName = "P.csv", Description = "CSV with face_id and one integer column per labelling (-1 = unassigned)", Required = true };
        var column = new Option<string>("--column") { HelpName = "NAME", Description = "which labelling column of --predicted to score", Required = true };
        var relations = new Option<string?>("--relations") { HelpName = "R.csv", Description = "look-alike relations CSV (person_a,person_b,relation) instead of the snapshot's own" };
        var relationTypes = new Option<string?>("--relation-types") { HelpName = "TYPES", Description = "comma-separated relation types counted as look-alikes; '*' suffix matches a prefix (default: sibling,twin*)" };
        var json = new Option<bool>("--json") { Description = "print the metric object as JSON instead of a table" };
        var command = new Command("score", "Score a predicted labelling against a snapshot's ground truth (faces without a person are not scored; -1 counts as a singleton).")
        {
            snapshot, predicted, column, relations, relationTypes, json,
        };
        command.SetAction(parse =>
        {
            var types = RelationTypeFilter.Parse(parse.GetValue(relationTypes) ?? EvalConfig.Load().RelationTypes, strict: parse.IsGiven(relationTypes));
            var report = ScoreJob.Execute(parse.GetValue(snapshot)!, parse.GetValue(predicted)!, parse.GetValue(column)!, parse.GetValue(relations), types);
            if (parse.GetValue(json))
            {
                Console.WriteLine(MetricReportJson.Serialize(report));
            }
            else
            {
                MetricTables.Print(report, $"{parse.GetValue(column)} vs ground truth");
            }

            return 0;
        });
        return command;
    }
}
