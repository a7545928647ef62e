using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using FaceEval.Core.Snapshots;
using FaceEval.Labeling.Editing;
using FaceEval.Labeling.Workspace;

namespace FaceEval.Cli.Tests.Commands;

/// <summary>
/// Every option of <c>label</c> and <c>label freeze</c> either takes effect or is refused (exit 2, one
/// line naming it), and a refused or failed command leaves nothing behind: no work directory, no
/// snapshot, no temporary directory.
/// </summary>
public sealed partial class LabelOptionTests(DemoLibrary demo) : IClassFixture<DemoLibrary>
{
    [Theory]
    [InlineData("--token", "short", "--token")]
    [InlineData("--token", "with space1", "--token")]
    [InlineData("--port", "70000", "--port")]
    [InlineData("--port", "-1", "--port")]
    [InlineData("--gate", "0", "gate")]
    [InlineData("--sibling-margin", "3", "sibling")]
    [InlineData("--outlier-distance", "-0.1", "outlier")]
    public void A_refused_label_option_creates_no_work_directory(string option, string value, string named)
    {
        var before = Listing();
        foreach (var work in new[] { demo.Path_("refused-work"), null })
        {
            string[] args = work is null ? ["label", "--snapshot", demo.Snapshot, option, value] : ["label", "--snapshot", demo.Snapshot, "--work", work, option, value];
            var (code, stdout, stderr) = CliProcess.Run(args);
            Assert.True(code == 2, $"exit {code}: {stdout}{stderr}");
            var line = Assert.Single(stderr.Trim().Split('\n'));
            Assert.StartsWith("faceeval: error: ", line, StringComparison.Ordinal);
            Assert.Contains(named, line, StringComparison.Ordinal);
            Assert.False(Directory.Exists(demo.Snapshot + ".labels"), "the default work directory was created");
            Assert.Equal(before, Listing());
        }
    }

    [Fact]
    public async Task Port_token_model_and_thresholds_of_label_take_effect()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        using var server = Start("label", "--snapshot", demo.Snapshot, "--work", demo.Path_("effect-work"), "--model", "synthetic",
            "--port", port.ToString(CultureInfo.InvariantCulture), "--token", "effect-token-1",
            "--gate", "0.5", "--sibling-margin", "0.125", "--outlier-distance", "0.75");
        try
        {
            var line = await server.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal($"Labelling at http://127.0.0.1:{port}/?token=effect-token-1", line);
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            client.DefaultRequestHeaders.Add("X-FaceEval-Token", "effect-token-1");
            var people = JsonDocument.Parse(await client.GetStringAsync("/api/people")).RootElement;
            Assert.Equal("synthetic", people.GetProperty("model").GetString());
            var options = people.GetProperty("options");
            Assert.Equal(0.5, options.GetProperty("gate").GetDouble());
            Assert.Equal(0.125, options.GetProperty("siblingMargin").GetDouble());
            Assert.Equal(0.75, options.GetProperty("outlierDistance").GetDouble());
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    /// <summary><c>label</c>'s own options typed before <c>freeze</c> would be parsed and then dropped by freeze.</summary>
    [Theory]
    [InlineData("--snapshot", "{snapshot}")]
    [InlineData("--model", "synthetic")]
    [InlineData("--work", "{work}")]
    [InlineData("--port", "8123")]
    [InlineData("--token", "abcdefgh12")]
    [InlineData("--gate", "0.5")]
    [InlineData("--sibling-margin", "0.1")]
    [InlineData("--outlier-distance", "0.6")]
    public void An_option_of_label_given_to_freeze_is_refused(string option, string value)
    {
        var work = EditedWork();
        var output = demo.Path_("never-" + Guid.NewGuid().ToString("N"));
        value = value.Replace("{snapshot}", demo.Snapshot, StringComparison.Ordinal).Replace("{work}", work, StringComparison.Ordinal);

        var (code, stdout, stderr) = CliProcess.Run("label", option, value, "freeze", "--work", work, "--out", output);

        Assert.True(code == 2, $"exit {code}: {stdout}{stderr}");
        var line = Assert.Single(stderr.Trim().Split('\n'));
        Assert.StartsWith("faceeval: error: ", line, StringComparison.Ordinal);
        Assert.Contains(option, line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Freeze_takes_work_and_out()
    {
        var work = EditedWork();
        var output = demo.Path_("frozen-" + Guid.NewGuid().ToString("N"));
        var (code, stdout, stderr) = CliProcess.Run("label", "freeze", "--work", work, "--out", output);
        Assert.True(code == 0, stderr);
        var frozen = Snapshot.Load(output);
        Assert.Contains(frozen.Id, stdout, StringComparison.Ordinal);
        Assert.Equal(Snapshot.Load(demo.Snapshot).Id, frozen.Manifest.Parent);
        Assert.NotEqual(frozen.Id, frozen.Manifest.Parent);
        Assert.Equal(1, frozen.Manifest.Edits);
    }

    [Theory]
    [InlineData("non-empty directory")]
    [InlineData("file")]
    [InlineData("the parent snapshot")]
    public void Freeze_to_an_existing_out_is_exit_9_and_writes_nothing(string what)
    {
        var work = EditedWork();
        var output = what switch
        {
            "the parent snapshot" => demo.Snapshot,
            _ => demo.Path_("existing-" + Guid.NewGuid().ToString("N")),
        };
        if (what == "file")
        {
            File.WriteAllText(output, "mine");
        }
        else if (what == "non-empty directory")
        {
            Directory.CreateDirectory(output);
            File.WriteAllText(Path.Combine(output, "keep.txt"), "mine");
        }

        var before = Listing();
        var (code, stdout, stderr) = CliProcess.Run("label", "freeze", "--work", work, "--out", output);
        Assert.True(code == 9, $"exit {code}: {stdout}{stderr}");
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.Equal("", stdout);
        Assert.Equal(before, Listing());
    }

    [Fact]
    public void Freeze_without_a_label_change_is_exit_4_and_writes_nothing()
    {
        var work = demo.Path_("unchanged-" + Guid.NewGuid().ToString("N"));
        using (var session = LabelWorkspace.Open(demo.Snapshot, null, work, new LabelOptions()))
        {
            session.State.Accept("1");
        }

        var output = demo.Path_("never-" + Guid.NewGuid().ToString("N"));
        var before = Listing();
        var (code, stdout, stderr) = CliProcess.Run("label", "freeze", "--work", work, "--out", output);
        Assert.True(code == 4, $"exit {code}: {stdout}{stderr}");
        var line = Assert.Single(stderr.Trim().Split('\n'));
        Assert.StartsWith("faceeval: error: no edits to freeze", line, StringComparison.Ordinal);
        Assert.Contains(Snapshot.Load(demo.Snapshot).Id, line, StringComparison.Ordinal);
        Assert.Equal(before, Listing());
    }

    /// <summary>A work directory on the demo snapshot with one face moved to another person.</summary>
    private string EditedWork()
    {
        var work = demo.Path_("edited-" + Guid.NewGuid().ToString("N"));
        using var session = LabelWorkspace.Open(demo.Snapshot, null, work, new LabelOptions());
        var face = session.State.Face("1")!;
        session.State.Move("1", face.PersonId == 0 ? 1 : 0);
        return work;
    }

    /// <summary>Every path under the library, so a test sees any file or temporary directory left behind.</summary>
    private string[] Listing() =>
        Directory.EnumerateFileSystemEntries(demo.Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();

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
}
