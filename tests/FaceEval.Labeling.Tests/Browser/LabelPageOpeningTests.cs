using System.Text;
using FaceEval.Labeling.Server;
using FaceEval.Labeling.Tests.Server;
using Microsoft.Playwright;

namespace FaceEval.Labeling.Tests.Browser;

/// <summary>
/// The page opens where the work is: on the person with the most suspicious faces (by the fixture's
/// design B: bO, bP and u2), its first non-empty queue showing; the people list sorts by that count
/// (shown beside each person) or by name; the choice stays in the address, beside the token, through a reload.
/// </summary>
public sealed class LabelPageOpeningTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Opens_on_the_most_suspicious_person_sorts_both_ways_and_a_reload_keeps_the_choice()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing (./setup.sh installs Debian's chromium)");
        await using var h = await ServerHarness.StartAsync();

        // E (no suspicious face) becomes "Aaron", so name order (A, Aaron, B, C, D) differs from id order and from
        // suspicious order (B 3, A 2, C 2, D 1, Aaron 0; ties by name).
        using (var rename = new HttpRequestMessage(HttpMethod.Patch, "/api/people/4"))
        {
            rename.Headers.Add(LabelServer.TokenHeader, ServerHarness.Token);
            rename.Content = new StringContent("{\"name\":\"Aaron\"}", Encoding.UTF8, "application/json");
            using var renamed = await h.Client.SendAsync(rename);
            Assert.True(renamed.IsSuccessStatusCode);
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync(h.Server.Url);
        await page.WaitForSelectorAsync(".person.selected[data-person-id='1']");
        await page.WaitForSelectorAsync("#tabs button.active[data-kind='worst-outliers']");
        await page.WaitForSelectorAsync(".face.current[data-face-id='bO']");
        Assert.Equal(["1", "0", "2", "3", "4"], await Order(page));
        Assert.Equal(["3", "2", "2", "1", "0"], await page.Locator(".person .suspicious").AllTextContentsAsync());
        Assert.Equal("suspicious", await page.InputValueAsync("#sort"));
        AssertAddress(page.Url, person: "1", sort: "suspicious");

        await page.SelectOptionAsync("#sort", "name");
        await page.WaitForSelectorAsync("#list .person:first-child[data-person-id='0'] + .person[data-person-id='4']");
        Assert.Equal(["0", "4", "1", "2", "3"], await Order(page));
        Assert.Equal("1", await page.GetAttributeAsync(".person.selected", "data-person-id"));
        AssertAddress(page.Url, person: "1", sort: "name");

        await page.ReloadAsync();
        await page.WaitForSelectorAsync(".person.selected[data-person-id='1']");
        await page.WaitForSelectorAsync(".face.current[data-face-id='bO']");
        Assert.Equal(["0", "4", "1", "2", "3"], await Order(page));
        Assert.Equal("name", await page.InputValueAsync("#sort"));
        Assert.Equal("worst-outliers", await page.GetAttributeAsync("#tabs button.active", "data-kind"));

        // Choosing another person is kept too, and the toggle goes back.
        await page.ClickAsync(".person[data-person-id='3']");
        await page.WaitForSelectorAsync(".face.current[data-face-id='dS']");
        await page.SelectOptionAsync("#sort", "suspicious");
        await page.WaitForSelectorAsync("#list .person:first-child[data-person-id='1']");
        Assert.Equal(["1", "0", "2", "3", "4"], await Order(page));
        await page.ReloadAsync();
        await page.WaitForSelectorAsync(".person.selected[data-person-id='3']");
        await page.WaitForSelectorAsync(".face.current[data-face-id='dS']");
        AssertAddress(page.Url, person: "3", sort: "suspicious");
        Assert.Empty(errors);
    }

    private static async Task<string[]> Order(IPage page) =>
        [.. (await page.Locator("#list .person").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.personId)"))];

    private static void AssertAddress(string url, string person, string sort)
    {
        var uri = new Uri(url);
        Assert.Contains($"token={ServerHarness.Token}", uri.Query, StringComparison.Ordinal);
        var hash = System.Web.HttpUtility.ParseQueryString(uri.Fragment.TrimStart('#'));
        Assert.Equal(person, hash["person"]);
        Assert.Equal(sort, hash["sort"]);
    }
}
