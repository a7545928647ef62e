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
        // Every option is checked before the workspace is opened: opening creates the work directory,
        // and a refused command must leave nothing behind.
        var queues = options.Queues.Validate();
        var listen = options.Server.Validate();

        // The snapshot loads while the web host starts.
        var opening = Task.Run(() => LabelWorkspace.Open(options.Snapshot, options.Model, options.Work, queues), CancellationToken.None);
        try
        {
            await using var server = await LabelServer.StartAsync(opening, listen, cancellation);
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
        finally
        {
            // After the server has stopped (or failed to start): close the journal once opening is done.
            await CloseWhenOpened(opening);
        }
    }

    private static async Task CloseWhenOpened(Task<LabelSession> opening)
    {
        LabelSession session;
        try
        {
            session = await opening;
        }
        catch (Exception)
        {
            // Opening failed: that failure is what the caller is already reporting.
            return;
        }

        session.Dispose();
    }
}
