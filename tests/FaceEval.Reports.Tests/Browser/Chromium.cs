using Microsoft.Playwright;

namespace FaceEval.Reports.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright: never a downloaded browser, headless, no network services,
/// a fresh empty profile each time.
/// </summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static bool Available => File.Exists(ExecutablePath);

    public static async Task<(IPlaywright Playwright, IBrowserContext Context)> LaunchAsync(string profile)
    {
        var playwright = await Playwright.CreateAsync();
        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
            ViewportSize = new ViewportSize { Width = 1280, Height = 1000 },
        });
        return (playwright, context);
    }
}
