using System.CommandLine;
using FaceEval.Core.Snapshots;

namespace FaceEval.Cli.Commands;

/// <summary><c>faceeval snapshot verify DIR</c>: exit 0 and one "ok" line, or exit 5 naming the first damaged file.</summary>
internal static class SnapshotVerifyCommand
{
    public static Command Create()
    {
        var directory = new Argument<string>("directory") { Description = "The snapshot directory." };
        var command = new Command("verify", "Check every file of a snapshot against the sha256 in its manifest (exit 5 if tampered or incomplete).")
        {
            directory,
        };
        command.SetAction(parse =>
        {
            var result = SnapshotVerifier.VerifyOrThrow(parse.GetValue(directory)!);
            Console.Out.WriteLine($"ok {result.Id} {result.Directory} ({result.FilesChecked} files verified)");
            return 0;
        });
        return command;
    }
}
