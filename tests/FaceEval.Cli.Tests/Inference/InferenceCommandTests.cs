using System.Text.Json;
using FaceEval.Core.Snapshots;
using FaceEval.Cli.Tests.Commands;

namespace FaceEval.Cli.Tests.Inference;

public sealed class InferenceCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "faceeval-infer-cli-" + Guid.NewGuid().ToString("N"));

    public InferenceCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        foreach (var f in Directory.EnumerateFiles(_dir, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(f, FileAttributes.Normal);
        }

        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void Bad_input_gets_one_line_and_a_distinct_exit_code()
    {
        var missing = CliProcess.Run("snapshot", "create", "--images", Path.Combine(_dir, "nope"), "--layout", "folders", "--out", Path.Combine(_dir, "s"));
        Assert.Equal(3, missing.ExitCode);
        Assert.Single(missing.Stderr.Trim().Split('\n'));
        Assert.Contains("no such images directory", missing.Stderr);

        Directory.CreateDirectory(Path.Combine(_dir, "photos"));
        var detector = CliProcess.Run("snapshot", "create", "--images", Path.Combine(_dir, "photos"), "--layout", "folders", "--detector", "nosuch", "--out", Path.Combine(_dir, "s"));
        Assert.Equal(6, detector.ExitCode);
        Assert.Contains("unknown detector 'nosuch'", detector.Stderr);

        var model = CliProcess.Run("embed", "--snapshot", _dir, "--model", "yunet", "--out", Path.Combine(_dir, "e"));
        Assert.Equal(6, model.ExitCode);
        Assert.Contains("unknown embedder 'yunet'", model.Stderr);

        var layout = CliProcess.Run("snapshot", "create", "--images", _dir, "--layout", "albums", "--out", Path.Combine(_dir, "s"));
        Assert.Equal(2, layout.ExitCode);

        File.WriteAllText(Path.Combine(_dir, "truth.csv"), "photo,role,center_x,center_y,radius\na.jpg,F,1,2,-3\n");
        var truth = CliProcess.Run("detect-eval", "--images", _dir, "--truth", Path.Combine(_dir, "truth.csv"));
        Assert.Equal(4, truth.ExitCode);
        Assert.Contains("positive radius", truth.Stderr);
    }

    /// <summary>Two LFW people (linked, not copied) and a corrupt file, through the real models.</summary>
    [RealDataFact("yunet_s_dynamic.onnx", "arcface_w600k_mbf_int8.onnx", "faceplugin_fr_feature.onnx")]
    public void Snapshot_create_then_embed_on_real_photos()
    {
        var shared = RealDataFactAttribute.SharedDatasets()!;

        var photos = Path.Combine(_dir, "photos");
        foreach (var person in new[] { "Colin_Powell", "Serena_Williams" })
        {
            Directory.CreateDirectory(Path.Combine(photos, person));
            for (var i = 1; i <= 3; i++)
            {
                var name = $"{person}_{i:0000}.jpg";
                File.CreateSymbolicLink(Path.Combine(photos, person, name), Path.Combine(shared, "lfw", person, name));
            }
        }

        File.WriteAllBytes(Path.Combine(photos, "Colin_Powell", "corrupt.jpg"), [0xFF, 0xD8, 0xFF, 0xDB, 0, 1, 2]);
        var output = Path.Combine(_dir, "snap");
        var create = CliProcess.Run("snapshot", "create", "--images", photos, "--layout", "lfw", "--out", output);
        Assert.True(create.ExitCode == 0, create.Stderr);
        Assert.Contains("skipped Colin_Powell/corrupt.jpg", create.Stderr);
        Assert.Contains("7 images (0 resumed, 7 processed, 1 unreadable", create.Stdout);
        var first = Snapshot.Load(output);
        Assert.Equal(6, first.Faces.Count(f => f.Person is not null));
        Assert.Equal(["Colin_Powell", "Serena_Williams"], first.People);
        Assert.False(Directory.Exists(output + ".partial"));

        var embed = CliProcess.Run("embed", "--snapshot", output, "--model", "fr_feature", "--out", Path.Combine(_dir, "snap2"));
        Assert.True(embed.ExitCode == 0, embed.Stderr);
        var second = Snapshot.Load(Path.Combine(_dir, "snap2"));
        Assert.Equal(first.Id, second.Manifest.Parent);
        Assert.Equal(["arcface_w600k_mbf_int8", "fr_feature"], second.Models);

        // Same-person faces are closer than different-person ones with the added model too.
        var e = second.LoadEmbeddings("fr_feature");
        var labelled = second.Faces.Where(f => f.Person is not null).ToList();
        double same = 0, other = 0;
        int ns = 0, no = 0;
        foreach (var a in labelled)
        {
            foreach (var b in labelled.Where(b => b.Index > a.Index))
            {
                var d = e.Distance(a.Index, b.Index);
                if (a.Person == b.Person)
                {
                    (same, ns) = (same + d, ns + 1);
                }
                else
                {
                    (other, no) = (other + d, no + 1);
                }
            }
        }

        Assert.True(same / ns < other / no - 0.2, $"same {same / ns:F3}, different {other / no:F3}");
    }

    [RealDataFact("yunet_s_dynamic.onnx")]
    public void Detect_eval_reports_json_on_labelled_family_photos()
    {
        var shared = RealDataFactAttribute.SharedDatasets()!;

        var source = Path.Combine(shared, "tskinface-fmsd");
        var lines = File.ReadAllLines(Path.Combine(source, "faces.csv"));
        var truth = Path.Combine(_dir, "truth.csv");
        // The first two photos' faces, plus a face in a photo that does not exist.
        var photos = lines.Skip(1).Select(l => l.Split(',')[0]).Distinct().Take(2).ToHashSet();
        File.WriteAllLines(truth, [lines[0], .. lines.Skip(1).Where(l => photos.Contains(l.Split(',')[0])), "missing.jpg,F,10,10,5"]);
        var run = CliProcess.Run("detect-eval", "--images", Path.Combine(source, "photos"), "--truth", truth, "--json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("skipped", run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        var r = json.RootElement;
        Assert.Equal(2, r.GetProperty("photos").GetInt32());
        var faces = r.GetProperty("truthFaces").GetInt32();
        Assert.Equal(lines.Skip(1).Count(l => photos.Contains(l.Split(',')[0])), faces);
        var matched = r.GetProperty("matched").GetInt32();
        Assert.Equal((double)matched / faces, r.GetProperty("recall").GetDouble(), 9);
        Assert.Equal(faces, r.GetProperty("buckets").EnumerateArray().Sum(b => b.GetProperty("faces").GetInt32()));
    }
}
