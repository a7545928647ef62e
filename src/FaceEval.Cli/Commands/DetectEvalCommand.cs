using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FaceEval.Cli.Output;
using FaceEval.Inference.DetectionEval;

namespace FaceEval.Cli.Commands;

/// <summary><c>faceeval detect-eval</c>: a detector's recall and precision against labelled face centres.</summary>
internal static class DetectEvalCommand
{
    public static Command Create()
    {
        var images = new Option<string>("--images") { HelpName = "DIR", Description = "Folder the truth file's photo column is relative to.", Required = true };
        var truth = new Option<string>("--truth") { HelpName = "faces.csv", Description = "photo, role, center_x, center_y, radius per labelled face.", Required = true };
        var detector = new Option<string>("--detector") { Description = "Detector of models/models.json.", DefaultValueFactory = _ => "yunet" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var inference = new InferenceOptions();
        var command = new Command("detect-eval",
            "Score a detector against labelled face centres: a detection matches a face when its box centre is within the face's radius (closest pairs first, one to one).")
        {
            images, truth, detector, json,
        };
        inference.AddTo(command, detector: true);
        command.SetAction(parse =>
        {
            var thresholds = inference.Detector(parse, parse.GetValue(detector)!);
            var result = ConsoleProgress.Run("detecting", p => DetectionEvaluator.Evaluate(parse.GetValue(images)!, parse.GetValue(truth)!, parse.GetValue(detector)!,
                inference.Device(parse), thresholds, p));
            foreach (var skipped in result.Skipped)
            {
                Console.Error.WriteLine($"faceeval: warning: skipped {skipped}");
            }

            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(ToJson(result));
                return 0;
            }

            var c = CultureInfo.InvariantCulture;
            Console.Out.WriteLine(string.Create(c, $"{result.Detector}: {result.Photos} photos, {result.TruthFaces} labelled faces, {result.Detections} detections"));
            Console.Out.WriteLine(string.Create(c, $"  recall {result.Recall:0.0000} ({result.Matched}/{result.TruthFaces}), precision {result.Precision:0.0000} ({result.Matched}/{result.Detections})"));
            Console.Out.WriteLine("  radius (px)   faces  found  missed  recall");
            foreach (var b in result.Buckets)
            {
                var range = double.IsPositiveInfinity(b.MaxRadius) ? string.Create(c, $">= {b.MinRadius:0}") : string.Create(c, $"{b.MinRadius:0}-{b.MaxRadius:0}");
                Console.Out.WriteLine(string.Create(c, $"  {range,-12} {b.Faces,6} {b.Found,6} {b.Missed,7}  {(b.Faces == 0 ? "-" : b.Recall.ToString("0.000", c))}"));
            }

            return 0;
        });
        return command;
    }

    private static string ToJson(DetectionEvaluation r)
    {
        static double? N(double v) => double.IsFinite(v) ? v : null;
        return JsonSerializer.Serialize(new
        {
            detector = r.Detector,
            photos = r.Photos,
            truthFaces = r.TruthFaces,
            detections = r.Detections,
            matched = r.Matched,
            recall = N(r.Recall),
            precision = N(r.Precision),
            buckets = r.Buckets.Select(b => new { minRadius = b.MinRadius, maxRadius = N(b.MaxRadius), faces = b.Faces, found = b.Found, missed = b.Missed, recall = N(b.Recall) }),
            skipped = r.Skipped,
        }, new JsonSerializerOptions { WriteIndented = true });
    }
}
