using System.CommandLine;
using FaceEval.Labeling.Workspace;

namespace FaceEval.Cli.Commands;

/// <summary><c>faceeval label freeze --work DIR --out DIR2</c>: a new snapshot with every edit of the journal.</summary>
internal static class LabelFreezeCommand
{
    public static Command Create()
    {
        var work = new Option<string>("--work") { HelpName = "DIR", Description = "Work directory of a labelling session (e.g. snapshots/fiw.labels).", Required = true };
        var output = new Option<string>("--out") { HelpName = "DIR2", Description = "New snapshot directory; its parent is the labelled snapshot.", Required = true };
        var command = new Command("freeze", "Write a new frozen snapshot whose labels include every edit (parent and edit count in its manifest).")
        {
            work, output,
        };
        command.SetAction(parse =>
        {
            var frozen = LabelFreezer.Freeze(parse.GetValue(work)!, parse.GetValue(output)!);
            Console.Out.WriteLine($"froze {frozen.Id} at {frozen.Directory} (parent {frozen.Manifest.Parent}; {frozen.Manifest.Source})");
            return 0;
        });
        return command;
    }
}
