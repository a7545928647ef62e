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
            var (truth, predicted) = c.TryGetProperty("runs", out var runs)
                ? Expand(runs)
                : (Ints(c.GetProperty("truth")), Ints(c.GetProperty("predicted")));
            cases.Add(name, new MetricFixtureCase(name, truth, predicted, pairs, c.GetProperty("expected").Clone()));
        }

        return cases;
    }

    private static int[] Ints(JsonElement array) => array.EnumerateArray().Select(e => e.GetInt32()).ToArray();

    // Large cases are stored as [truth, predicted, count] runs.
    private static (int[] Truth, int[] Predicted) Expand(JsonElement runs)
    {
        var truth = new List<int>();
        var predicted = new List<int>();
        foreach (var run in runs.EnumerateArray())
        {
            var count = run[2].GetInt32();
            truth.AddRange(Enumerable.Repeat(run[0].GetInt32(), count));
            predicted.AddRange(Enumerable.Repeat(run[1].GetInt32(), count));
        }

        return (truth.ToArray(), predicted.ToArray());
    }

    private static string Locate() => TestData.RepoPaths.Fixture("metrics.json");
}
