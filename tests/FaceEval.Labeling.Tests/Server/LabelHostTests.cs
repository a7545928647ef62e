using System.Net;
using System.Net.Sockets;
using FaceEval.Core.Errors;
using FaceEval.Labeling.Editing;
using FaceEval.Labeling.Server;
using FaceEval.Labeling.Workspace;

namespace FaceEval.Labeling.Tests.Server;

/// <summary>The web host starts while the session opens: whichever fails, the other is cleaned up.</summary>
public sealed class LabelHostTests
{
    [Fact]
    public async Task A_session_that_fails_to_open_is_what_starting_reports()
    {
        var failed = Task.FromException<LabelSession>(new FaceEvalException(ErrorKind.SnapshotIntegrity, "tampered"));
        var ex = await Assert.ThrowsAsync<FaceEvalException>(() => LabelServer.StartAsync(failed, new LabelServerOptions()));
        Assert.Equal(ErrorKind.SnapshotIntegrity, ex.Kind);
    }

    [Fact]
    public async Task A_missing_snapshot_is_reported_before_anything_is_announced()
    {
        using var dir = new TempDirectory();
        var announced = new StringWriter();
        var options = new LabelRunOptions(dir.Sub("nothing"), null, dir.Sub("work"), new LabelOptions(), new LabelServerOptions());
        var ex = await Assert.ThrowsAsync<FaceEvalException>(() => LabelHost.RunAsync(options, announced));
        Assert.Equal(ErrorKind.FileNotFound, ex.Kind);
        Assert.Equal("", announced.ToString());
    }

    [Theory]
    [InlineData(0, "short")]
    [InlineData(0, "has space 123")]
    [InlineData(70000, null)]
    [InlineData(-1, null)]
    public async Task A_bad_port_or_token_is_refused_before_anything_is_written(int port, string? token)
    {
        using var dir = new TempDirectory();
        var snapshot = LabelFixture.WriteSnapshot(dir.Sub("snap"));
        var before = Directory.GetFileSystemEntries(dir.Path);
        foreach (var work in new[] { dir.Sub("work"), null })
        {
            var options = new LabelRunOptions(snapshot.Directory, null, work, new LabelOptions(), new LabelServerOptions(port, token));
            var ex = await Assert.ThrowsAsync<FaceEvalException>(() => LabelHost.RunAsync(options, new StringWriter()));
            Assert.Equal(ErrorKind.Usage, ex.Kind);
            Assert.Equal(before, Directory.GetFileSystemEntries(dir.Path));
            Assert.False(Directory.Exists(LabelWorkspace.DefaultWorkDirectory(snapshot.Directory)));
        }
    }

    [Fact]
    public async Task A_busy_port_is_an_io_error_and_leaves_the_journal_closed()
    {
        using var dir = new TempDirectory();
        var snapshot = LabelFixture.WriteSnapshot(dir.Sub("snap"));
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;
        var options = new LabelRunOptions(snapshot.Directory, "toy", dir.Sub("work"), new LabelOptions(), new LabelServerOptions(port));

        var ex = await Assert.ThrowsAsync<FaceEvalException>(() => LabelHost.RunAsync(options, new StringWriter()));
        Assert.Equal(ErrorKind.Io, ex.Kind);

        // The journal is opened for writing with others allowed to read only: it opens again only if it was closed.
        using var again = LabelWorkspace.Open(snapshot.Directory, "toy", dir.Sub("work"), new LabelOptions());
        again.State.Accept("a1");
        Assert.Equal(1, again.State.EditCount);
    }
}
