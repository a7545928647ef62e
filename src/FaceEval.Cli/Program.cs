using System.CommandLine;
using FaceEval.Cli;
using FaceEval.Cli.Commands;

// A routing table: each command lives in its own file under Commands/ and calls one library method.
var root = new RootCommand("FaceEval: evaluate and tune face recognition and face clustering on frozen, labelled snapshots.")
{
    SnapshotCommand.Create(),
};

return CliHost.Run(root, args);
