using System.Text.Json;
using FaceEval.Core.Tests.TestData;

namespace FaceEval.Core.Tests.Numpy;

/// <summary>The files and expected values written by tools/fixtures/make_npy_fixtures.py.</summary>
internal static class NpyFixtures
{
    private static readonly Lazy<Dictionary<string, (int[] Shape, float[] Values)>> Expected = new(() =>
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path("expected.json")));
        var result = new Dictionary<string, (int[], float[])>();
        foreach (var array in doc.RootElement.GetProperty("arrays").EnumerateObject())
        {
            var shape = array.Value.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            // Every value is an exact float32 written as a double, so the cast loses nothing.
            var values = array.Value.GetProperty("values").EnumerateArray().Select(e => (float)e.GetDouble()).ToArray();
            result[array.Name] = (shape, values);
        }

        return result;
    });

    public static string Path(string file) => RepoPaths.Fixture("Numpy", file);

    public static string Npy(string name) => Path(name + ".npy");

    public static (int[] Shape, float[] Values) Values(string name) => Expected.Value[name];
}
