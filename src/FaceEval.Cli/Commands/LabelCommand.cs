using System.CommandLine;
using FaceEval.Labeling.Editing;
using FaceEval.Labeling.Server;

namespace FaceEval.Cli.Commands;

/// <summary>
/// <c>faceeval label --snapshot DIR</c>: the local labelling web app; <c>faceeval label freeze</c>
/// turns its journal into a new snapshot.
/// </summary>
internal static class LabelCommand
{
    public static Command Create()
    {
        var defaults = new LabelOptions();
        var snapshot = new Option<string>("--snapshot") { HelpName = "DIR", Description = "Snapshot whose labels to fix.", Required = true };
        var model = new Option<string?>("--model") { Description = "Embeddings for centroids and queues (default: the snapshot's only model)." };
        var work = new Option<string?>("--work") { HelpName = "DIR", Description = "Work directory with the edit journal (default: <snapshot>.labels beside the snapshot)." };
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1; 0 picks a free one.", DefaultValueFactory = _ => 0 };
        var token = new Option<string?>("--token") { Description = "Access token (default: random)." };
        var margin = new Option<double>("--sibling-margin") { Description = "Sibling-ambiguous when the best other person is at most this much farther.", DefaultValueFactory = _ => defaults.SiblingMargin };
        var gate = new Option<double>("--gate") { Description = "Assignment gate: another person this close is an in-gate alternative.", DefaultValueFactory = _ => defaults.Gate };
        var outlier = new Option<double>("--outlier-distance") { Description = "Outliers are at least this far from their own centroid.", DefaultValueFactory = _ => defaults.OutlierDistance };
        var command = new Command("label", "Fix ground-truth labels in a local web app that shows only suspicious faces (one keystroke per fix).")
        {
            snapshot, model, work, port, token, margin, gate, outlier,
            LabelFreezeCommand.Create(),
        };
        command.SetAction(parse =>
        {
            var options = new LabelRunOptions(parse.GetValue(snapshot)!, parse.GetValue(model), parse.GetValue(work),
                new LabelOptions(parse.GetValue(margin), parse.GetValue(gate), parse.GetValue(outlier)),
                new LabelServerOptions(parse.GetValue(port), parse.GetValue(token)));

            // Console.Out, not a Spectre console: the announcement must stay exactly one unwrapped line.
            LabelHost.RunAsync(options, Console.Out).GetAwaiter().GetResult();
            return 0;
        });
        return command;
    }
}
