using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using FaceEval.Reports.Model;

namespace FaceEval.Reports.Formatting;

/// <summary>The one JSON form of a report: report.json and the page's data block are this text.</summary>
public static class ReportJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        // The default encoder escapes <, >, & and ' so the text can sit inside a <script> element.
        Encoder = JavaScriptEncoder.Default,
        WriteIndented = false,
    };

    public static string Serialize(ReportDocument document) => JsonSerializer.Serialize(document, Options);
}
