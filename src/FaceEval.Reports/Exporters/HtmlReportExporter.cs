using System.Text;
using FaceEval.Core.IO;
using FaceEval.Reports.Formatting;
using FaceEval.Reports.Model;

namespace FaceEval.Reports.Exporters;

/// <summary>
/// index.html: one self-contained page (template, style, the report's JSON as one data block, the chart
/// libraries inlined) that works opened from disk with no network.
/// </summary>
public sealed class HtmlReportExporter : IReportExporter
{
    public const string FileName = "index.html";

    public string Name => "html";

    public IReadOnlyList<string> Export(ReportDocument document, string directory)
    {
        var path = Path.Combine(directory, FileName);
        AtomicFile.WriteAllText(path, Render(document));
        return [path];
    }

    public static string Render(ReportDocument document)
    {
        var slots = new Dictionary<string, string>
        {
            ["title"] = Html.Encode(document.Title),
            ["style"] = PageAssets.Template("report.css"),
            ["body"] = Body(document),
            ["data"] = ReportJson.Serialize(document),
            ["vega"] = PageAssets.Vega("vega.min.js"),
            ["vega-lite"] = PageAssets.Vega("vega-lite.min.js"),
            ["vega-embed"] = PageAssets.Vega("vega-embed.min.js"),
            ["script"] = PageAssets.Template("report.js"),
        };

        // One pass over the template, so text inside a slot is never taken for another slot.
        var template = PageAssets.Template("page.html");
        var page = new StringBuilder(template.Length + slots.Values.Sum(v => v.Length));
        var at = 0;
        while (true)
        {
            var open = template.IndexOf("{{", at, StringComparison.Ordinal);
            if (open < 0)
            {
                break;
            }

            var close = template.IndexOf("}}", open, StringComparison.Ordinal);
            page.Append(template, at, open - at).Append(slots[template[(open + 2)..close]]);
            at = close + 2;
        }

        return page.Append(template, at, template.Length - at).ToString();
    }

    private static string Body(ReportDocument document)
    {
        var html = new StringBuilder();
        html.Append("<header><h1>").Append(Html.Encode(document.Title)).Append("</h1><dl class=\"facts\">");
        foreach (var fact in document.Facts)
        {
            html.Append("<dt>").Append(Html.Encode(fact.Name)).Append("</dt><dd>").Append(Html.Encode(fact.Value)).Append("</dd>");
        }

        html.Append("</dl><p class=\"crops\" id=\"crop-status\">").Append(Html.Encode(document.Crops.Status)).Append("</p><nav>");
        foreach (var section in document.Sections)
        {
            html.Append("<a href=\"#").Append(Html.Id(section.Id)).Append("\">").Append(Html.Encode(section.Title)).Append("</a>");
        }

        html.Append("</nav></header>\n");
        foreach (var section in document.Sections)
        {
            html.Append("<section id=\"").Append(Html.Id(section.Id)).Append("\"><h2>").Append(Html.Encode(section.Title)).Append("</h2>\n");
            foreach (var note in section.Notes)
            {
                html.Append("<p class=\"note\">").Append(Html.Encode(note)).Append("</p>\n");
            }

            foreach (var chart in section.Charts)
            {
                html.Append("<h3>").Append(Html.Encode(chart.Title)).Append("</h3><div class=\"chart\" id=\"chart-")
                    .Append(Html.Id(chart.Id)).Append("\" data-chart=\"").Append(Html.Id(chart.Id)).Append("\"></div>\n");
            }

            foreach (var gallery in section.Galleries)
            {
                AppendGallery(html, gallery, document.Crops);
            }

            foreach (var table in section.Tables)
            {
                AppendTable(html, table);
            }

            html.Append("</section>\n");
        }

        return html.ToString();
    }

    private static void AppendTable(StringBuilder html, ReportTable table)
    {
        html.Append("<h3>").Append(Html.Encode(table.Title)).Append("</h3><div class=\"table-wrap\"><table data-table=\"")
            .Append(Html.Id(table.Id)).Append("\"><thead><tr>");
        foreach (var column in table.Columns)
        {
            html.Append("<th>").Append(Html.Encode(column)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                if (CellText.IsNumber(cell))
                {
                    html.Append("<td class=\"num\" data-value=\"").Append(Html.Encode(CellText.Raw(cell))).Append("\">")
                        .Append(Html.Encode(CellText.Display(cell))).Append("</td>");
                }
                else
                {
                    html.Append("<td>").Append(Html.Encode(CellText.Display(cell))).Append("</td>");
                }
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table></div>\n");
    }

    private static void AppendGallery(StringBuilder html, ReportGallery gallery, CropSet crops)
    {
        html.Append("<h3>").Append(Html.Encode(gallery.Title)).Append("</h3>");
        if (crops.Images.Count == 0)
        {
            html.Append("<p class=\"note\">No face crops in this report (see above).</p>\n");
            return;
        }

        html.Append("<div class=\"gallery\" data-gallery=\"").Append(Html.Id(gallery.Id)).Append("\">");
        foreach (var item in gallery.Items)
        {
            html.Append("<figure>");
            if (crops.Images.TryGetValue(item.Face, out var uri))
            {
                html.Append("<img alt=\"face ").Append(item.Face).Append("\" src=\"").Append(Html.Encode(uri)).Append("\">");
            }

            html.Append("<figcaption>").Append(Html.Encode(item.Caption)).Append("</figcaption></figure>");
        }

        html.Append("</div>\n");
    }
}
