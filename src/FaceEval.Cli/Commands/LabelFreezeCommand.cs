using System.CommandLine;
using System.CommandLine.Parsing;
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
            RefuseLabelOptions(parse);
            var frozen = LabelFreezer.Freeze(parse.GetValue(work)!, parse.GetValue(output)!);
            Console.Out.WriteLine($"froze {frozen.Id} at {frozen.Directory} (parent {frozen.Manifest.Parent}; {frozen.Manifest.Source})");
            return 0;
        });
        return command;
    }

    /// <summary>
    /// <c>label --gate 0.5 freeze ...</c> parses: the options of <c>label</c> typed before <c>freeze</c>
    /// belong to the parent command, whose action never runs, so they would be dropped without a word.
    /// Recursive options (<c>--verbose</c>) apply to every command and stay allowed.
    /// </summary>
    private static void RefuseLabelOptions(ParseResult parse)
    {
        var typed = parse.CommandResult.Parent is CommandResult label
            ? label.Children.OfType<OptionResult>().Where(o => !o.Implicit && !o.Option.Recursive).Select(o => o.Option.Name).ToArray()
            : [];
        if (typed.Length > 0)
        {
            throw GivenOptions.NotApplicable(typed, "with 'label freeze': options of 'label' do not apply to freezing, which reads only --work and --out");
        }
    }
}
