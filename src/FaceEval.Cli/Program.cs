using System.CommandLine;
using FaceEval.Cli.Commands;

namespace FaceEval.Cli;

/// <summary>A routing table: each command lives in its own file under Commands/ and calls one library method.</summary>
public static class Program
{
    public static RootCommand Routes() =>
        new("FaceEval: evaluate and tune face recognition and face clustering on frozen, labelled snapshots.")
        {
            SnapshotCommand.Create(),
            EmbedCommand.Create(),
            DetectEvalCommand.Create(),
            ScoreCommand.Create(),
            RunCommand.Create(),
            SweepCommand.Create(),
            GateCommand.Create(),
            AlgorithmsCommand.Create(),
            ReportCommand.Create(),
            CompareCommand.Create(),
            FidelityCommand.Create(),
            LabelCommand.Create(),
        };

    public static int Main(string[] args) => CliHost.Run(Routes(), args);
}
