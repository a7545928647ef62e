using FaceEval.Labeling.Workspace;

namespace FaceEval.Labeling.Server;

/// <summary>Runs a labelling session until Ctrl+C (or <paramref name="cancellation"/>): open, serve, announce, wait.</summary>
public static class LabelHost
{
    /// <summary>Writes exactly one line to <paramref name="announce"/> once the server listens: <c>Labelling at URL</c>.</summary>
    public static async Task RunAsync(LabelRunOptions options, TextWriter announce, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(announce);
        using var session = LabelWorkspace.Open(options.Snapshot, options.Model, options.Work, options.Queues.Validate());
        await using var server = await LabelServer.StartAsync(session, options.Server, cancellation);
        await announce.WriteLineAsync($"Labelling at {server.Url}");
        await announce.FlushAsync(cancellation);
        try
        {
            await server.WaitForShutdownAsync(cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Stopping is the normal way out; every acknowledged edit is already on disk.
        }
    }
}
