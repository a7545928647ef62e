using System.Text.Json.Nodes;

namespace FaceEval.Reports.Document;

/// <summary>
/// A Vega-Lite specification with its data inline. Rows that stand for a face carry its index in a
/// <c>face</c> field; the page adds that face's crop as the tooltip's <c>image</c>.
/// </summary>
public sealed record ReportChart(string Id, string Title, JsonObject Spec);
