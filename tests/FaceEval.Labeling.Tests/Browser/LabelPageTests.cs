using System.Text.Json;
using FaceEval.Labeling.Server;
using FaceEval.Labeling.Tests.Server;
using Microsoft.Playwright;

namespace FaceEval.Labeling.Tests.Browser;

/// <summary>
/// The page in a real browser: Debian's Chromium (never a downloaded one) driven by Playwright, headless.
/// Pick a person, press 2 on the suspicious face, see it leave the queue, reload, see it still moved.
/// The screenshot is kept as test-results/label-page.png.
/// </summary>
public sealed class LabelPageTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Pressing_2_moves_the_face_and_a_reload_keeps_it_moved()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing (./setup.sh installs Debian's chromium)");
        await using var h = await ServerHarness.StartAsync();
        using var before = JsonDocument.Parse(await h.Client.GetStringAsync($"/api/faces/aX?token={ServerHarness.Token}"));
        var second = before.RootElement.GetProperty("candidates")[1].GetProperty("person").GetString();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync(h.Server.Url);
        await page.ClickAsync(".person[data-person-id='0']");
        await page.WaitForSelectorAsync(".face.current[data-face-id='aX']");
        Assert.Equal("closer-to-another", await page.GetAttributeAsync("#tabs button.active", "data-kind"));

        await page.Keyboard.PressAsync("2");
        await page.WaitForSelectorAsync(".face[data-face-id='aX']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Detached });
        await page.WaitForSelectorAsync(".person[data-person-id='0']:has-text('3 ·')");
        Assert.Equal(second, await FacePerson(h));

        await page.ReloadAsync();
        await page.WaitForSelectorAsync("#tabs button.active[data-kind='closer-to-another']");
        await page.WaitForSelectorAsync(".person.selected[data-person-id='0']:has-text('3 ·')");
        Assert.Equal(0, await page.Locator(".face[data-face-id='aX']").CountAsync());
        Assert.Equal(second, await FacePerson(h));

        var results = Path.Combine(RepositoryRoot(), "test-results");
        Directory.CreateDirectory(results);
        await page.ClickAsync("#tabs button[data-kind='unassigned']");
        await page.WaitForSelectorAsync(".face[data-face-id='u1']");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(results, "label-page.png"), FullPage = true });
        Assert.Empty(errors);
    }

    private static async Task<string?> FacePerson(ServerHarness h)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/faces/aX");
        request.Headers.Add(LabelServer.TokenHeader, ServerHarness.Token);
        using var response = await h.Client.SendAsync(request);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("person").GetString();
    }

    private static string RepositoryRoot() => FaceEval.Core.IO.RepositoryRoot.Find() ?? Directory.GetCurrentDirectory();
}
