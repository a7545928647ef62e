using System.CommandLine;
using System.Globalization;
using FaceEval.Cli.Output;
using FaceEval.Inference.SnapshotBuilding;

namespace FaceEval.Cli.Commands;

/// <summary><c>faceeval embed</c>: another model's embeddings from a snapshot's stored crops, as a new snapshot.</summary>
internal static class EmbedCommand
{
    public static Command Create()
    {
        var snapshot = new Option<string>("--snapshot") { HelpName = "DIR", Description = "Snapshot made by 'faceeval snapshot create' (it has crops/).", Required = true };
        var model = new Option<string>("--model") { Description = "Embedder of models/models.json to add.", Required = true };
        var output = new Option<string>("--out") { HelpName = "DIR2", Description = "New snapshot directory; its parent is --snapshot.", Required = true };
        var inference = new InferenceOptions();
        var command = new Command("embed", "Add another model's embeddings, computed from the stored crops, as a new snapshot with the parent recorded.")
        {
            snapshot, model, output,
        };
        inference.AddTo(command, detector: false);
        command.SetAction(parse =>
        {
            var s = ConsoleProgress.Run("embedding", p => CropEmbedJob.Run(parse.GetValue(snapshot)!, parse.GetValue(model)!, parse.GetValue(output)!, inference.Device(parse), p));
            Console.Out.WriteLine($"snapshot {s.Id} written to {s.Directory} (parent {s.Manifest.Parent})");
            Console.Out.WriteLine("  models: " + string.Join(", ", s.Manifest.Models.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Name} ({m.Dimension})"))));
            return 0;
        });
        return command;
    }
}
