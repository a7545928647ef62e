// The C# half of benchmarks/inference_side_by_side.sh: detect (yunet) + align + embed
// (arcface_w600k_mbf_int8) over a list of photos with the default models, photos decoded before the
// clock starts (the Node half cannot use libturbojpeg, so decoding is left out on both sides).
//
//   FaceEval.SideBySide LIST_FILE THREADS WARMUP   -> one JSON line on stdout
using System.Diagnostics;
using System.Globalization;
using FaceEval.Imaging;
using FaceEval.Inference.Alignment;
using FaceEval.Inference.Detection;
using FaceEval.Inference.Embedding;
using FaceEval.Inference.Models;
using FaceEval.Inference.Runtime;

if (args.Length != 3)
{
    Console.Error.WriteLine("usage: FaceEval.SideBySide LIST_FILE THREADS WARMUP");
    return 2;
}

var files = File.ReadAllLines(args[0]).Where(l => l.Length > 0).ToArray();
var threads = int.Parse(args[1], CultureInfo.InvariantCulture);
var warmup = int.Parse(args[2], CultureInfo.InvariantCulture);

var settings = new SessionSettings(IntraOpThreads: threads);
var catalog = ModelCatalog.Load();
var runtime = OrtRuntime.Load();
using var detector = FaceDetector.Open(runtime, catalog, catalog.Default(ModelKind.Detector).Name, settings);
using var embedder = FaceEmbedder.Open(runtime, catalog, catalog.Default(ModelKind.Embedder).Name, settings);
var template = catalog.TemplateFor(embedder.Spec);
var images = files.Select(ImageDecoder.Decode).ToArray();

int ProcessImage(RgbImage image)
{
    var faces = detector.Detect(image);
    if (faces.Count == 0)
    {
        return 0;
    }

    var crops = faces.Select(f => FaceAligner.Align(image, f.Landmarks, template)).ToList();
    return embedder.Embed(crops).Count;
}

for (var i = 0; i < Math.Min(warmup, images.Length); i++)
{
    ProcessImage(images[i]);
}

var faceCount = 0;
var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
var watch = Stopwatch.StartNew();
foreach (var image in images)
{
    faceCount += ProcessImage(image);
}

watch.Stop();
var seconds = watch.Elapsed.TotalSeconds;
var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{{\"side\":\"csharp\",\"ort\":\"{runtime.Version}\",\"threads\":{threads},\"images\":{images.Length},\"faces\":{faceCount},\"seconds\":{seconds:F4},\"facesPerSecond\":{faceCount / seconds:F2},\"cpuSeconds\":{cpuSeconds:F4}}}"));
return 0;
