using System.Text.Json;

namespace FaceEval.Inference.Tests;

/// <summary>Fixtures/inference_reference.json, written by tools/fixtures/make_inference_fixtures.js (onnxruntime-node).</summary>
internal static class ReferenceFixture
{
    private static readonly Lazy<JsonElement> Root = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.FixturesPath, "inference_reference.json"))).RootElement);

    public static float[][] Embeddings(string model) =>
        Root.Value.GetProperty("embeddings").GetProperty(model).EnumerateArray()
            .Select(row => row.EnumerateArray().Select(v => v.GetSingle()).ToArray()).ToArray();

    public static JsonElement Detection => Root.Value.GetProperty("detection");

    /// <summary>Reference detections of a non-default detector (scrfd_500m, retinaface_mnet025, ultraface).</summary>
    public static JsonElement Detector(string name) => Root.Value.GetProperty("detectors").GetProperty(name);
}
