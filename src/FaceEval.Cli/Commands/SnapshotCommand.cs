using System.CommandLine;

namespace FaceEval.Cli.Commands;

/// <summary><c>faceeval snapshot</c>: the parent of create, import, synth, verify and info.</summary>
internal static class SnapshotCommand
{
    public static Command Create() => new("snapshot", "Create, check and describe frozen, content-addressed snapshots.")
    {
        SnapshotCreateCommand.Create(),
        SnapshotImportCommand.Create(),
        SnapshotVerifyCommand.Create(),
        SnapshotInfoCommand.Create(),
        SnapshotSynthCommand.Create(),
    };
}
