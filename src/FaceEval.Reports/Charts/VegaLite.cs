using System.Text.Json;
using System.Text.Json.Nodes;

namespace FaceEval.Reports.Charts;

/// <summary>Small builders for Vega-Lite specs; a spec is written as anonymous objects and turned into JSON once.</summary>
internal static class VegaLite
{
    public const string Schema = "https://vega.github.io/schema/vega-lite/v6.json";

    private static readonly JsonSerializerOptions s_options = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public static JsonObject Spec(object body)
    {
        var node = JsonSerializer.SerializeToNode(body, s_options)!.AsObject();
        node.Insert(0, "$schema", Schema);
        node.TryAdd("width", 760);
        node.TryAdd("height", 320);
        return node;
    }

    public static object Field(string field, string type, string? title = null, string? format = null) =>
        new { field, type, title, format };

    /// <summary>The tooltip fields, plus the face crop (filled in by the page) when the rows name faces.</summary>
    public static object[] Tooltip(bool withImage, params object[] fields) =>
        withImage ? [.. fields, new { field = "image", type = "nominal", title = "image" }] : fields;
}
