using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using FaceEval.Cli.Output;
using FaceEval.Inference.Layouts;
using FaceEval.Inference.SnapshotBuilding;
using Spectre.Console;

namespace FaceEval.Cli.Commands;

/// <summary><c>faceeval snapshot create</c>: photos to a frozen snapshot (detect, filter, align, embed), resumable.</summary>
internal static class SnapshotCreateCommand
{
    public static Command Create()
    {
        var defaults = SubjectFilterOptions.Default;
        var images = new Option<string>("--images") { HelpName = "DIR", Description = "Folder of photos.", Required = true };
        var layout = new Option<LayoutKind>("--layout")
        {
            Description = "folders: <person>/**/<image> (first folder level = person, images at the top unlabelled); lfw: the same plus relatives.csv; fiw: <family>/MID<n>/P#####_faceN.jpg with <family>/mid.csv.",
            Required = true,
        };
        var labels = new Option<string?>("--labels") { HelpName = "L.csv", Description = "file,person: overrides the layout's label of these files (empty person = unlabelled)." };
        var relations = new Option<string?>("--relations") { HelpName = "R.csv", Description = "person_a,person_b,relation: added to the layout's relations." };
        var detector = new Option<string>("--detector") { Description = "Detector of models/models.json.", DefaultValueFactory = _ => "yunet" };
        var models = new Option<string[]>("--model")
        {
            Description = "Embedder of models/models.json; repeat for more. The first one's template is used for the stored crops.",
            DefaultValueFactory = _ => ["arcface_w600k_mbf_int8"],
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var output = new Option<string>("--out") { HelpName = "DIR", Description = "New snapshot directory; unfinished work is kept in DIR.partial/ and resumed by rerunning the same command.", Required = true };
        var minScore = new Option<float>("--min-score") { Description = "Subject filter: detector score (0..1; 0 = off, else at least --det-score).", DefaultValueFactory = _ => defaults.MinScore };
        var minPixels = new Option<float>("--min-face-px") { Description = "Subject filter: shorter box side in pixels.", DefaultValueFactory = _ => defaults.MinPixels };
        var minFraction = new Option<float>("--min-face-fraction") { Description = "Subject filter: shorter box side / shorter image side.", DefaultValueFactory = _ => defaults.MinFraction };
        var minSharpness = new Option<double>("--min-sharpness") { Description = "Subject filter: variance of the Laplacian of the grey aligned crop (0 = off).", DefaultValueFactory = _ => defaults.MinSharpness };
        var workers = new Option<int>("--workers") { Description = "Threads decoding and detecting side by side (0 = cores - 1, at least 1); embedding runs on one more.", DefaultValueFactory = _ => 0 };
        var batch = new Option<int>("--batch-size") { Description = "Faces embedded and written to the journal together; a model that is not batch-invariant (models.json) still runs them one at a time.", DefaultValueFactory = _ => 32 };
        var inference = new InferenceOptions();

        var command = new Command("create", "Build a frozen snapshot from photos: detect, filter, align, embed with each model, keep aligned crops.")
        {
            images, layout, labels, relations, detector, models, output, minScore, minPixels, minFraction, minSharpness, workers, batch,
        };
        inference.AddTo(command, detector: true);
        command.SetAction(parse =>
        {
            var thresholds = inference.Detector(parse, parse.GetValue(detector)!);
            var score = parse.GetValue(minScore);
            if (parse.IsGiven(minScore) && score > 0 && score < thresholds.ScoreThreshold)
            {
                // The detector never returns a face below its own threshold, so a lower filter keeps nothing more.
                throw GivenOptions.NotApplicable([minScore.Name],
                    string.Create(CultureInfo.InvariantCulture, $"below the detector's threshold --det-score {thresholds.ScoreThreshold}: lower --det-score too"));
            }

            var options = new SnapshotBuildOptions(parse.GetValue(images)!, parse.GetValue(layout), parse.GetValue(output)!,
                parse.GetValue(labels), parse.GetValue(relations),
                new SubjectFilterOptions(parse.GetValue(minScore), parse.GetValue(minPixels), parse.GetValue(minFraction), parse.GetValue(minSharpness)),
                parse.GetValue(workers), parse.GetValue(batch));
            var watch = Stopwatch.StartNew();
            var result = ConsoleProgress.RunWithTask("photos", task => SnapshotCreateJob.Run(options, parse.GetValue(detector)!, parse.GetValue(models)!,
                inference.Device(parse), thresholds, task is null ? null : new Bar(task)));
            foreach (var line in result.Warnings.Concat(result.Failed.Select(f => "skipped " + f)))
            {
                Console.Error.WriteLine($"faceeval: warning: {line}");
            }

            var s = result.Snapshot;
            var c = s.Manifest.Counts;
            var r = result.Removed;
            Console.Out.WriteLine($"snapshot {s.Id} written to {s.Directory}");
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {result.Images} images ({result.Resumed} resumed, {result.Processed} processed, {result.Failed.Count} unreadable, {result.WithoutFaces} without a kept face) in {watch.Elapsed.TotalSeconds:0.0} s"));
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {c.Faces} faces ({c.LabelledFaces} labelled), {c.People} people, {c.Photos} photos, {c.Relations} relations"));
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  filter removed {r.Total}: {r.LowScore} low score, {r.TooFewPixels} too few pixels, {r.TooSmallInImage} too small in the image, {r.Blurry} blurry"));
            Console.Out.WriteLine("  models: " + string.Join(", ", s.Manifest.Models.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Name} ({m.Dimension})"))));
            return 0;
        });
        return command;
    }

    private sealed class Bar(ProgressTask task) : IProgress<BuildProgress>
    {
        public void Report(BuildProgress value)
        {
            task.Description = Markup.Escape($"photos {value.Done}/{value.Total}");
            task.Value = value.Total == 0 ? 1 : (double)value.Done / value.Total;
        }
    }
}
