using FaceEval.Core.Snapshots;

namespace FaceEval.Reports.Tests.Browser;

/// <summary>
/// Reports generated once for the browser tests through the real CLI: a synthetic snapshot (always) with a
/// sweep, and the first 300 faces of snapshots/lfw (when ./setup.sh imported it) with face crops, plus a
/// model comparison on those faces.
/// </summary>
public sealed class GeneratedReports : IDisposable
{
    public const int RealFaces = 300;

    public GeneratedReports()
    {
        Root = Directory.CreateTempSubdirectory("faceeval-reports-").FullName;
        var config = Path.Combine(Root, "eval.config.json");
        File.WriteAllText(config, File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "eval.config.json")).Replace("\"snapshots/demo\"", "\"synth\""));

        var synth = Path.Combine(Root, "synth");
        Faceeval.Run("snapshot", "synth", "--families", "12", "--seed", "5", "--out", synth);
        var sweepDir = Path.Combine(Root, "sweep");
        Faceeval.Run("sweep", "--config", config, "--snapshot", synth, "--model", "synthetic", "--param", "assignDistance=0.25:0.6:0.05",
            "--out", sweepDir);
        Synthetic = Path.Combine(Root, "report-synth");
        Faceeval.Run("report", "--config", config, "--sweep", Path.Combine(sweepDir, "sweep.json"), "--snapshot", synth, "--out", Synthetic);

        var lfw = Path.Combine(TestPaths.RepoRoot, "snapshots", "lfw");
        if (File.Exists(Path.Combine(lfw, "manifest.json")))
        {
            var small = Path.Combine(Root, "lfw-small");
            WriteFirstFaces(Snapshot.Load(lfw), small, RealFaces);
            Real = Path.Combine(Root, "report-lfw");
            Faceeval.Run("report", "--config", config, "--snapshot", small, "--model", "arcface_w600k_mbf_int8", "--algorithm", "agglomerative", "--out", Real);
            Comparison = Path.Combine(Root, "compare-lfw");
            Faceeval.Run("compare", "--config", config, "--snapshot", small, "--model", "arcface_w600k_mbf_int8", "--model", "fr_feature",
                "--param", "distanceThreshold", "--out", Comparison);
        }
    }

    public string Root { get; }

    public string Synthetic { get; }

    /// <summary>Null when snapshots/lfw is absent.</summary>
    public string? Real { get; }

    public string? Comparison { get; }

    public void Dispose()
    {
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        Directory.Delete(Root, recursive: true);
    }

    private static void WriteFirstFaces(Snapshot snapshot, string directory, int count)
    {
        var content = snapshot.ToContent("first faces of " + snapshot.Id);
        var rows = content.FaceRows.Take(count).ToArray();
        var personColumn = content.FaceColumns.ToList().IndexOf("person");
        var people = rows.Select(r => r[personColumn]).ToHashSet(StringComparer.Ordinal);
        var embeddings = content.Embeddings.Select(e => e with { Values = e.Values.AsSpan(0, count * e.Dimension).ToArray() }).ToArray();
        var relations = content.Relations.Where(r => people.Contains(r.PersonA) && people.Contains(r.PersonB)).ToArray();
        SnapshotWriter.Write(content with { FaceRows = rows, Embeddings = embeddings, Relations = relations }, directory);
    }
}
