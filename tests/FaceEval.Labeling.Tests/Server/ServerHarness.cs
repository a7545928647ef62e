using FaceEval.Labeling.Editing;
using FaceEval.Labeling.Server;
using FaceEval.Labeling.Workspace;

namespace FaceEval.Labeling.Tests.Server;

/// <summary>A fixture snapshot (with a stored crop for a1) served on a free loopback port; <see cref="RestartAsync"/> reopens it.</summary>
internal sealed class ServerHarness : IAsyncDisposable
{
    public const string Token = "test-token-1234";

    private readonly TempDirectory _dir = new();
    private LabelSession _session = null!;

    private ServerHarness()
    {
    }

    public LabelServer Server { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public string SnapshotDirectory { get; private set; } = "";

    public string Root => _dir.Path;

    public static readonly byte[] CropBytes = "stored crop of a1"u8.ToArray();

    public static async Task<ServerHarness> StartAsync()
    {
        var harness = new ServerHarness();
        var crops = harness._dir.Sub("crops-in");
        Directory.CreateDirectory(crops);
        File.WriteAllBytes(Path.Combine(crops, "a1.jpg"), CropBytes);
        File.WriteAllText(harness._dir.Sub("secret.txt"), "do not serve");
        harness.SnapshotDirectory = LabelFixture.WriteSnapshot(harness._dir.Sub("snap"), crops).Directory;
        await harness.OpenAsync();
        return harness;
    }

    public async Task RestartAsync()
    {
        await CloseAsync();
        await OpenAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        _dir.Dispose();
    }

    private async Task OpenAsync()
    {
        _session = LabelWorkspace.Open(SnapshotDirectory, null, null, new LabelOptions());
        Server = await LabelServer.StartAsync(_session, new LabelServerOptions(0, Token));
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Server.Port}/") };
    }

    private async Task CloseAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        _session.Dispose();
    }
}
