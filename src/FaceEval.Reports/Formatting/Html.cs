using System.Net;

namespace FaceEval.Reports.Formatting;

/// <summary>The one place text becomes HTML: every string that reaches a page goes through <see cref="Encode"/>.</summary>
internal static class Html
{
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>Element ids and file names come from report ids; anything else is replaced so they stay safe.</summary>
    public static string Id(string id) => new(id.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '-').ToArray());
}
