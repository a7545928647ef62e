using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace FaceEval.Reports.Tests.Browser;

/// <summary>
/// Opens the generated pages from disk in a real browser: no console errors, every chart draws marks,
/// hovering a point shows its face crop, every table cell's data-value is the number of report.json; a
/// full-page screenshot of each is saved under test-results/. The numbers a reader sees are checked against
/// scikit-learn's in <see cref="TheNumbersThePageShowsAreScikitLearns"/>.
/// </summary>
[Collection(GeneratedReportsCollection.Name)]
public sealed class ReportPageTests(GeneratedReports reports, ScikitLearnReport sklearn) : IClassFixture<ScikitLearnReport>
{
    /// <summary>
    /// The metric and sweep tables as the page shows them (cell text) against scikit-learn's clustering and
    /// metrics of the same library at the same thresholds (tools/fixtures/make_report_fixtures.py), to the
    /// page's four decimals; and the setting the page calls best is the one scikit-learn's numbers make best.
    /// </summary>
    [Fact]
    public async Task TheNumbersThePageShowsAreScikitLearns()
    {
        Assert.True(Chromium.Available, $"{Chromium.ExecutablePath} is missing (./setup.sh installs Debian's chromium)");
        var profile = Directory.CreateTempSubdirectory("faceeval-chromium-").FullName;
        var (playwright, context) = await Chromium.LaunchAsync(profile);
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(Path.Combine(sklearn.Report, "index.html")).AbsoluteUri);
            await page.WaitForFunctionAsync("() => window.faceevalReport && window.faceevalReport.ready", null, new PageWaitForFunctionOptions { Timeout = 60_000 });

            var cases = sklearn.Cases.ToDictionary(c => c.GetProperty("distanceThreshold").GetDouble());
            // scikit-learn's best: the highest ARI among settings with sibling_confusion <= 0.05 (the sweep's --objective and --max).
            var best = cases.Where(c => c.Value.GetProperty("metrics").GetProperty("sibling_confusion").GetDouble() <= 0.05)
                .MaxBy(c => c.Value.GetProperty("metrics").GetProperty("ari").GetDouble()).Key;

            var parameters = (await ShownTable(page, "parameters")).Rows.ToDictionary(r => r[0], r => r[1]);
            Assert.Equal(best, Number(parameters["distanceThreshold"]));
            Assert.Equal("average", parameters["linkage"]);
            var metricRows = (await ShownTable(page, "metrics")).Rows;
            Assert.Equal(19, metricRows.Length);
            foreach (var row in metricRows)
            {
                AssertShows(cases[best].GetProperty("metrics").GetProperty(row[0]), row[1], $"metrics table, {row[0]}");
            }

            var (header, rows) = await ShownTable(page, "sweep");
            Assert.Equal(cases.Count, rows.Length);
            var column = Array.IndexOf(header, "distanceThreshold");
            var compared = 0;
            foreach (var row in rows)
            {
                var expected = cases[Number(row[column])].GetProperty("metrics");
                for (var c = 0; c < header.Length; c++)
                {
                    if (expected.TryGetProperty(header[c], out var value))
                    {
                        AssertShows(value, row[c], $"sweep row distanceThreshold={row[column]}, {header[c]}");
                        compared++;
                    }
                }

                Assert.Equal(Number(row[column]) == best ? "true" : "false", row[Array.IndexOf(header, "best")]);
            }

            Assert.True(compared >= 4 * cases.Count, $"only {compared} sweep cells compared");
        }
        finally
        {
            await context.CloseAsync();
            playwright.Dispose();
            Directory.Delete(profile, recursive: true);
        }
    }

    [Fact]
    public async Task SyntheticSweepReportRenders()
    {
        await CheckPage(reports.Synthetic, "report-synthetic.png", expectCrops: false);
        var json = File.ReadAllText(Path.Combine(reports.Synthetic, "report.json"));
        Assert.Contains("\"id\":\"sweep-curves\"", json, StringComparison.Ordinal);
        Assert.Contains("sibling_confusion \\u003C= 0.05", json, StringComparison.Ordinal);
    }

    [LfwSnapshotFact]
    public async Task RealSnapshotReportRendersAndShowsCropsOnHover() =>
        Assert.Equal(1, await CheckPage(reports.Real!, "report-lfw.png", expectCrops: true));

    [LfwSnapshotFact]
    public Task ModelComparisonRenders() => CheckPage(reports.Comparison!, "compare-lfw.png", expectCrops: true);

    /// <summary>A table's header and body cells as the reader sees them (text content).</summary>
    private static async Task<(string[] Header, string[][] Rows)> ShownTable(IPage page, string id)
    {
        var header = await page.EvalOnSelectorAllAsync<string[]>($"table[data-table='{id}'] thead th", "cells => cells.map(c => c.textContent.trim())");
        var rows = await page.EvalOnSelectorAllAsync<string[][]>($"table[data-table='{id}'] tbody tr",
            "rows => rows.map(r => Array.from(r.cells).map(c => c.textContent.trim()))");
        Assert.NotEmpty(rows);
        return (header, rows);
    }

    /// <summary>The page prints a count exactly, a rate to four decimals and a missing value as a dash.</summary>
    private static void AssertShows(JsonElement expected, string shown, string where)
    {
        if (expected.ValueKind == JsonValueKind.Null)
        {
            Assert.True(shown == "–", $"{where}: shows '{shown}', expected no value");
            return;
        }

        var value = expected.GetDouble();
        var printed = Number(shown);
        Assert.True(Math.Abs(printed - value) <= 0.5e-4 + 1e-9, $"{where}: shows {shown}, scikit-learn {value.ToString("R", CultureInfo.InvariantCulture)}");
    }

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static async Task<int> CheckPage(string directory, string screenshot, bool expectCrops)
    {
        Assert.True(Chromium.Available, $"{Chromium.ExecutablePath} is missing (./setup.sh installs Debian's chromium)");
        var profile = Directory.CreateTempSubdirectory("faceeval-chromium-").FullName;
        var (playwright, context) = await Chromium.LaunchAsync(profile);
        try
        {
            var page = await context.NewPageAsync();
            var errors = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    errors.Add(message.Text);
                }
            };
            page.PageError += (_, error) => errors.Add(error);
            var requests = new List<string>();
            page.Request += (_, request) =>
            {
                if (!request.Url.StartsWith("file:", StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
                {
                    requests.Add(request.Url);
                }
            };

            await page.GotoAsync(new Uri(Path.Combine(directory, "index.html")).AbsoluteUri);
            await page.WaitForFunctionAsync("() => window.faceevalReport && window.faceevalReport.ready", null, new PageWaitForFunctionOptions { Timeout = 60_000 });
            Assert.Equal("ready", await page.GetAttributeAsync("body", "data-charts"));

            // Every chart drew data marks (Vega gives data marks the role "mark").
            var charts = await page.EvalOnSelectorAllAsync<string[]>("div.chart", "els => els.map(e => e.id)");
            Assert.NotEmpty(charts);
            foreach (var chart in charts)
            {
                var marks = await page.Locator($"#{chart} svg g.role-mark > *").CountAsync();
                Assert.True(marks > 0, $"{chart} drew no marks");
            }

            // The page embeds report.json as its data block and writes each cell's exact number as data-value; the
            // numbers shown are checked against scikit-learn in TheNumbersThePageShowsAreScikitLearns.
            var json = File.ReadAllText(Path.Combine(directory, "report.json"));
            Assert.Equal(json, await page.EvalOnSelectorAsync<string>("#report-data", "e => e.textContent"));
            using var document = JsonDocument.Parse(json);
            var checkedCells = 0;
            foreach (var table in document.RootElement.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("tables").EnumerateArray()))
            {
                var id = table.GetProperty("id").GetString()!;
                var cells = await page.EvalOnSelectorAllAsync<string?[][]>($"table[data-table='{id}'] tbody tr",
                    "rows => rows.map(r => Array.from(r.cells).map(c => c.getAttribute('data-value')))");
                var rows = table.GetProperty("rows").EnumerateArray().ToArray();
                Assert.Equal(rows.Length, cells.Length);
                for (var r = 0; r < rows.Length; r++)
                {
                    var values = rows[r].EnumerateArray().ToArray();
                    for (var c = 0; c < values.Length; c++)
                    {
                        if (values[c].ValueKind == JsonValueKind.Number)
                        {
                            Assert.Equal(values[c].GetDouble(), double.Parse(cells[r][c]!, CultureInfo.InvariantCulture));
                            checkedCells++;
                        }
                    }
                }
            }

            Assert.True(checkedCells > 10, $"only {checkedCells} numbers compared");

            var hovered = 0;
            var images = document.RootElement.GetProperty("crops").GetProperty("images").EnumerateObject().Count();
            if (expectCrops)
            {
                Assert.True(images > 0, "no crops embedded");
                Assert.True(await page.Locator(".gallery img").CountAsync() > 0, "no gallery image");
                // Charts whose points are faces: hovering one shows its crop in the tooltip.
                foreach (var faced in charts.Where(c => c is "chart-cliff" or "chart-sibling-separation"))
                {
                    var point = page.Locator($"#{faced} svg g.mark-symbol.role-mark > path").First;
                    await point.HoverAsync(new LocatorHoverOptions { Force = true });
                    var tooltip = page.Locator("#vg-tooltip-element img");
                    await tooltip.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 10_000 });
                    Assert.StartsWith("data:image/jpeg;base64,", await tooltip.GetAttributeAsync("src"));
                    hovered++;
                }
            }
            else
            {
                Assert.Equal(0, images);
                Assert.Contains("No face crops", await page.InnerTextAsync("#crop-status"));
            }

            await page.ScreenshotAsync(new PageScreenshotOptions { Path = TestPaths.Artefact(screenshot), FullPage = true });
            Assert.Empty(errors);
            Assert.Empty(requests);
            return hovered;
        }
        finally
        {
            await context.CloseAsync();
            playwright.Dispose();
            Directory.Delete(profile, recursive: true);
        }
    }
}
