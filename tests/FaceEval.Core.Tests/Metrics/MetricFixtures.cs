using System.Text.Json;
using FaceEval.Core.Metrics;

namespace FaceEval.Core.Tests.Metrics;

/// <summary>Reads Fixtures/metrics.json (written by tools/fixtures/make_metric_fixtures.py with
/// scikit-learn 1.2.1) from the source tree, so no project file has to copy it.</summary>
internal static class MetricFixtures
{
    private static readonly Lazy<IReadOnlyDictionary<string, MetricFixtureCase>> s_cases = new(Load);

    public static IReadOnlyDictionary<string, MetricFixtureCase> Cases => s_cases.Value;

    private static IReadOnlyDictionary<string, MetricFixtureCase> Load()
    {
        var path = Locate();
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var cases = new Dictionary<string, MetricFixtureCase>();
        foreach (var c in document.RootElement.GetProperty("cases").EnumerateArray())
        {
            var pairs = c.TryGetProperty("lookalikes", out var l)
                ? l.EnumerateArray().Select(p => (p[0].GetInt32(), p[1].GetInt32())).ToArray()
                : null;
            var name = c.GetProperty("name").GetString()!;
            cases.Add(name, new MetricFixtureCase(
                name,
                c.GetProperty("truth").EnumerateArray().Select(e => e.GetInt32()).ToArray(),
                c.GetProperty("predicted").EnumerateArray().Select(e => e.GetInt32()).ToArray(),
                pairs,
                c.GetProperty("expected").Clone()));
        }

        return cases;
    }

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "FaceEval.Core.Tests", "Fixtures", "metrics.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("tests/FaceEval.Core.Tests/Fixtures/metrics.json not found above " + AppContext.BaseDirectory);
    }
}
