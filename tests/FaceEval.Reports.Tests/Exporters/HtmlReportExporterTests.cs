using System.Text.Json.Nodes;
using FaceEval.Reports.Exporters;
using FaceEval.Reports.Document;

namespace FaceEval.Reports.Tests.Exporters;

public class HtmlReportExporterTests
{
    private const string Evil = "</script><script>alert('x')</script> & <b>";

    private static ReportDocument Document() => new("report", Evil,
        [new ReportFact(Evil, Evil)],
        [new ReportSection("s", Evil, [Evil],
            [new ReportTable("t", Evil, [Evil, "n"], [[Evil, 0.1 + 0.2], [null, 3]])],
            [new ReportChart("c", Evil, new JsonObject { ["mark"] = "point", ["title"] = Evil })],
            [new ReportGallery("g", Evil, [new GalleryItem(0, Evil)])])],
        new CropSet(Evil, new Dictionary<int, string> { [0] = "data:image/jpeg;base64,AAAA" }),
        new { note = Evil });

    [Fact]
    public void EveryTextIsEncodedAndTheDataBlockCannotCloseItsScript()
    {
        var page = HtmlReportExporter.Render(Document());
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", page, StringComparison.Ordinal);
        Assert.Contains("&lt;/script&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;", page, StringComparison.Ordinal);
        // Exactly the template's own script elements close: 4 (data, vega, vega-lite, vega-embed) + the page script.
        Assert.Equal(5, page.Split("</script>").Length - 1);
    }

    [Fact]
    public void NumbersKeepFullPrecisionInDataValuesAndCsv()
    {
        var page = HtmlReportExporter.Render(Document());
        Assert.Contains("data-value=\"0.30000000000000004\"", page, StringComparison.Ordinal);
        var csv = CsvReportExporter.ToCsv(Document().Sections[0].Tables[0]);
        Assert.Contains("0.30000000000000004", csv, StringComparison.Ordinal);
        Assert.Contains(",3", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void ThePageInlinesTheChartLibraries()
    {
        var page = HtmlReportExporter.Render(Document());
        Assert.Contains("vegaEmbed", page, StringComparison.Ordinal);
        Assert.Contains("vegaLite", page, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", page, StringComparison.Ordinal);
        Assert.DoesNotContain("sourceMappingURL", page, StringComparison.Ordinal);
    }

    [Fact]
    public void WriterWritesJsonCsvAndHtml()
    {
        var dir = Directory.CreateTempSubdirectory("faceeval-writer-").FullName;
        try
        {
            var files = ReportWriter.Write(Document(), dir).Select(f => Path.GetFileName(f)!).Order().ToArray();
            Assert.Equal(["index.html", "report.json", "t.csv"], files);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
