using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FaceEval.Core.Snapshots;

namespace FaceEval.Cli.Tests.Commands;

public sealed partial class LabelCommandTests(DemoLibrary demo) : IClassFixture<DemoLibrary>
{
    [Fact]
    public async Task Label_prints_one_line_serves_edits_and_freeze_keeps_them()
    {
        var work = demo.Path_("label-work");
        string person;
        using (var server = Start("label", "--snapshot", demo.Snapshot, "--work", work, "--token", "cli-token-123"))
        using (KillOnDispose(server))
        {
            var line = await server.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            var match = Announcement().Match(line ?? "");
            Assert.True(match.Success, $"unexpected first line '{line}'");
            Assert.Equal("cli-token-123", match.Groups["token"].Value);
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{match.Groups["port"].Value}/") };
            client.DefaultRequestHeaders.Add("X-FaceEval-Token", "cli-token-123");

            var people = JsonDocument.Parse(await client.GetStringAsync("/api/people")).RootElement.GetProperty("people");
            var face = JsonDocument.Parse(await client.GetStringAsync("/api/faces/1")).RootElement;
            person = people.EnumerateArray().Select(p => p.GetProperty("label").GetString()!).First(l => l != face.GetProperty("person").GetString());
            using var patch = await client.PatchAsync("/api/faces/1", new StringContent(JsonSerializer.Serialize(new { person }), Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
            using var noToken = await new HttpClient().GetAsync(new Uri(client.BaseAddress!, "/api/people"));
            Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);

            server.Kill(); // as a user's Ctrl+C or a crash would: the edit must already be on disk
            await server.WaitForExitAsync();
            Assert.Equal("", await server.StandardOutput.ReadToEndAsync()); // exactly one line was printed
        }

        var frozenDir = demo.Path_("label-frozen");
        var (code, stdout, stderr) = CliProcess.Run("label", "freeze", "--work", work, "--out", frozenDir);
        Assert.True(code == 0, stderr);
        Assert.StartsWith("froze ", stdout, StringComparison.Ordinal);
        var frozen = Snapshot.Load(frozenDir);
        var parent = Snapshot.Load(demo.Snapshot);
        Assert.Equal(parent.Id, frozen.Manifest.Parent);
        Assert.Contains("1 edits", frozen.Manifest.Source, StringComparison.Ordinal);
        Assert.Equal(person, frozen.Faces[frozen.IndexOf("1")].Person);
        Assert.Equal(parent.Faces.Count(f => f.Person is not null), frozen.Faces.Count(f => f.Person is not null));
    }

    [Fact]
    public async Task A_random_token_is_made_when_none_is_given()
    {
        using var server = Start("label", "--snapshot", demo.Snapshot, "--work", demo.Path_("label-random"));
        using var guard = KillOnDispose(server);
        var line = await server.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var match = Announcement().Match(line ?? "");
        Assert.True(match.Success, line);
        Assert.Matches("^[0-9a-f]{32}$", match.Groups["token"].Value);
        server.Kill();
        await server.WaitForExitAsync();
    }

    [Theory]
    [InlineData(2, "--port", "70000")]
    [InlineData(2, "--token", "short")]
    [InlineData(2, "--gate", "0")]
    [InlineData(6, "--model", "nosuch")]
    public void Bad_options_fail_with_one_line(int exit, string option, string value)
    {
        var (code, stdout, stderr) = CliProcess.Run("label", "--snapshot", demo.Snapshot, "--work", demo.Path_("label-bad"), option, value);
        Assert.Equal(exit, code);
        Assert.Equal("", stdout);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [Fact]
    public void Freeze_of_a_missing_work_directory_is_exit_3()
    {
        var (code, _, stderr) = CliProcess.Run("label", "freeze", "--work", demo.Path_("no-work"), "--out", demo.Path_("never"));
        Assert.Equal(3, code);
        Assert.Contains("not a labelling work directory", stderr, StringComparison.Ordinal);
    }

    /// <summary>Stops the child this test started even when an assertion fails first.</summary>
    private static Killer KillOnDispose(Process process) => new(process);

    private sealed class Killer(Process process) : IDisposable
    {
        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
        }
    }

    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "faceeval.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        return Process.Start(start)!;
    }

    [GeneratedRegex(@"^Labelling at http://127\.0\.0\.1:(?<port>[0-9]+)/\?token=(?<token>[A-Za-z0-9_-]+)$")]
    private static partial Regex Announcement();
}
