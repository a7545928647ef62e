using System.Text.Json;

namespace FaceEval.Reports.Tests.Browser;

/// <summary>
/// The library of Fixtures/report_sklearn (made by tools/fixtures/make_report_fixtures.py) imported through the
/// CLI, swept over the fixture's distanceThreshold values with agglomerative average linkage, and reported. The
/// expected numbers are scikit-learn's (clustering and metrics), computed when the fixture was made.
/// </summary>
public sealed class ScikitLearnReport : IDisposable
{
    public ScikitLearnReport()
    {
        var fixture = Path.Combine(TestPaths.RepoRoot, "tests", "FaceEval.Reports.Tests", "Fixtures", "report_sklearn");
        Expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(fixture, "expected.json")));
        Root = Directory.CreateTempSubdirectory("faceeval-sklearn-report-").FullName;
        var snapshot = Path.Combine(Root, "snapshot");
        Faceeval.Run("snapshot", "import", "--faces", Path.Combine(fixture, "faces.csv"), "--embeddings", "synthetic=" + Path.Combine(fixture, "synthetic.npy"),
            "--relations", Path.Combine(fixture, "relations.csv"), "--out", snapshot);
        var values = string.Join(',', Cases.Select(c => c.GetProperty("distanceThreshold").GetRawText()));
        var config = Path.Combine(TestPaths.RepoRoot, "eval.config.json");
        var sweep = Path.Combine(Root, "sweep");
        Faceeval.Run("sweep", "--config", config, "--snapshot", snapshot, "--model", "synthetic", "--algorithm", "agglomerative",
            "--set", "linkage=average", "--param", $"distanceThreshold={values}", "--objective", "ari", "--max", "sibling_confusion=0.05", "--out", sweep);
        Report = Path.Combine(Root, "report");
        Faceeval.Run("report", "--config", config, "--sweep", Path.Combine(sweep, "sweep.json"), "--snapshot", snapshot, "--out", Report);
    }

    public string Root { get; }

    public string Report { get; }

    public JsonDocument Expected { get; }

    public IReadOnlyList<JsonElement> Cases => Expected.RootElement.GetProperty("cases").EnumerateArray().ToArray();

    public void Dispose()
    {
        Expected.Dispose();
        Directory.Delete(Root, recursive: true);
    }
}
