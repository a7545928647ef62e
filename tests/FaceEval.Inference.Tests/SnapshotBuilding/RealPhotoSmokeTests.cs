using System.Diagnostics;
using System.Text;
using FaceEval.Imaging;
using FaceEval.Inference.Alignment;
using FaceEval.Inference.Detection;
using FaceEval.Inference.Embedding;
using FaceEval.Inference.Models;
using FaceEval.Inference.Runtime;
using Xunit.Abstractions;

namespace FaceEval.Inference.Tests.SnapshotBuilding;

public class RealPhotoSmokeTests(ITestOutputHelper output)
{
    private static readonly string[] People = ["George_W_Bush", "Colin_Powell"];
    private const int PhotosPerPerson = 4;

    [NeedsFact("yunet_s_dynamic.onnx", "arcface_w600k_mbf_int8.onnx", Dataset = "lfw")]
    public void Detect_align_embed_separates_two_people_and_agrees_with_the_shared_export()
    {
        var catalog = ModelCatalog.Load(TestPaths.ModelsJson, TestPaths.SharedModels);
        var runtime = OrtRuntime.Load();
        using var detector = FaceDetector.Open(runtime, catalog, "yunet");
        using var embedder = FaceEmbedder.Open(runtime, catalog, "arcface_w600k_mbf_int8");
        var template = catalog.TemplateFor(embedder.Spec);

        var files = People.SelectMany(p => Enumerable.Range(1, PhotosPerPerson).Select(i => $"lfw/{p}/{p}_{i:0000}.jpg")).ToList();
        var watch = Stopwatch.StartNew();
        var crops = new List<RgbImage>();
        foreach (var file in files)
        {
            var image = ImageDecoder.Decode(Path.Combine(TestPaths.Shared!, "datasets", file));
            // LFW's subject is the face nearest the centre.
            var face = detector.Detect(image).MinBy(f => Math.Pow(f.CenterX - image.Width / 2.0, 2) + Math.Pow(f.CenterY - image.Height / 2.0, 2));
            Assert.NotNull(face);
            crops.Add(FaceAligner.Align(image, face.Landmarks, template));
        }

        var embeddings = embedder.Embed(crops);
        watch.Stop();
        output.WriteLine($"detect+align+embed: {files.Count} faces in {watch.Elapsed.TotalMilliseconds:F0} ms ({files.Count / watch.Elapsed.TotalSeconds:F1} faces/s, first-call warm-up included)");

        double same = 0, different = 0;
        int sameCount = 0, differentCount = 0;
        for (var a = 0; a < files.Count; a++)
        {
            for (var b = a + 1; b < files.Count; b++)
            {
                var cos = Dot(embeddings.Row(a), embeddings.Row(b));
                if (a / PhotosPerPerson == b / PhotosPerPerson)
                {
                    same += cos;
                    sameCount++;
                }
                else
                {
                    different += cos;
                    differentCount++;
                }
            }
        }

        same /= sameCount;
        different /= differentCount;
        output.WriteLine($"mean cosine: same person {same:F3}, different people {different:F3}");
        Assert.True(same > different + 0.2, $"same-person cosine {same:F3} is not clearly above different-person {different:F3}");

        // The independent export in ../shared/embeddings used the same models and template.
        var exported = SharedExport(files);
        if (exported is not null)
        {
            var agreement = files.Select((_, i) => Dot(embeddings.Row(i), exported[i])).ToList();
            output.WriteLine($"cosine with ../shared/embeddings/lfw: min {agreement.Min():F4}, mean {agreement.Average():F4}");
            Assert.All(agreement, c => Assert.True(c > 0.95, $"cosine {c:F4} with the shared export"));
        }
    }

    /// <summary>Rows of ../shared/embeddings/lfw/arcface_w600k_mbf_int8.npy (float16) for the files, or null when absent.</summary>
    private static float[][]? SharedExport(IReadOnlyList<string> files)
    {
        var dir = Path.Combine(TestPaths.Shared!, "embeddings", "lfw");
        var npy = Path.Combine(dir, "arcface_w600k_mbf_int8.npy");
        if (!File.Exists(npy))
        {
            return null;
        }

        var rowOf = File.ReadLines(Path.Combine(dir, "faces.csv")).Skip(1)
            .Select(l => l.Split(','))
            .ToDictionary(f => f[4], f => int.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture));
        using var stream = File.OpenRead(npy);
        var prefix = new byte[10];
        stream.ReadExactly(prefix);
        var headerLength = prefix[8] | (prefix[9] << 8);
        var header = new byte[headerLength];
        stream.ReadExactly(header);
        Assert.Contains("'<f2'", Encoding.ASCII.GetString(header));
        var dataStart = 10 + headerLength;
        return files.Select(f =>
        {
            var row = new byte[512 * 2];
            stream.Position = dataStart + (long)rowOf[f] * row.Length;
            stream.ReadExactly(row);
            var v = Enumerable.Range(0, 512).Select(i => (float)BitConverter.ToHalf(row, 2 * i)).ToArray();
            var norm = MathF.Sqrt(v.Sum(x => x * x));
            return v.Select(x => x / norm).ToArray();
        }).ToArray();
    }

    private static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double s = 0;
        for (var i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }
}
