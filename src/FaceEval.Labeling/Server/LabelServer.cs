using System.Net;
using System.Security.Cryptography;
using System.Text;
using FaceEval.Core.Errors;
using FaceEval.Labeling.Workspace;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FaceEval.Labeling.Server;

/// <summary>
/// The labelling web app on Kestrel: bound to 127.0.0.1 only, every request must name this host
/// (<c>127.0.0.1:PORT</c> or <c>localhost:PORT</c>, which stops DNS-rebinding pages) and carry the
/// token (query <c>token</c> or header <c>X-FaceEval-Token</c>), else 400 / 401.
/// </summary>
public sealed class LabelServer : IAsyncDisposable
{
    public const string TokenHeader = "X-FaceEval-Token";

    private readonly WebApplication _app;

    private LabelServer(WebApplication app, int port, string token)
    {
        _app = app;
        Port = port;
        Token = token;
    }

    public int Port { get; }

    public string Token { get; }

    /// <summary>The address to open: <c>http://127.0.0.1:PORT/?token=TOKEN</c>.</summary>
    public string Url => $"http://127.0.0.1:{Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}/?token={Token}";

    /// <summary>Starts serving <paramref name="session"/>; returns once the port is bound.</summary>
    public static Task<LabelServer> StartAsync(LabelSession session, LabelServerOptions options, CancellationToken cancellation = default) =>
        StartAsync(Task.FromResult(session ?? throw new ArgumentNullException(nameof(session))), options, cancellation);

    /// <summary>
    /// Starts the server while <paramref name="opening"/> is still loading the session, so the web host's
    /// start-up overlaps the snapshot's; returns once the port is bound and the session is open, or
    /// throws what opening threw (after stopping the server). Requests wait for the session.
    /// </summary>
    public static async Task<LabelServer> StartAsync(Task<LabelSession> opening, LabelServerOptions options, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(opening);
        options = (options ?? throw new ArgumentNullException(nameof(options))).Validate();
        var token = options.TokenOrRandom();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(IPAddress.Loopback, options.Port);
        });
        var app = builder.Build();
        int port;
        try
        {
            var bound = 0;
            app.Use(async (context, next) =>
            {
                context.Response.Headers["Referrer-Policy"] = "no-referrer";
                context.Response.Headers["X-Content-Type-Options"] = "nosniff";
                context.Response.Headers["Cache-Control"] = "no-store";
                if (!HostAllowed(context.Request.Host, bound))
                {
                    await LabelApi.WriteError(context, StatusCodes.Status400BadRequest, "bad Host header: use 127.0.0.1 or localhost and the port the server listens on");
                    return;
                }

                if (!TokenMatches(context.Request, token))
                {
                    await LabelApi.WriteError(context, StatusCodes.Status401Unauthorized, "missing or wrong token: open the address faceeval label printed");
                    return;
                }

                await opening;
                await LabelApi.WithJsonErrors(context, next);
            });
            LabelApi.Map(app, () => opening.Result);
            await app.StartAsync(cancellation);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            port = bound = new Uri(address).Port;

            // Building the endpoints compiles their request delegates, which the first request would
            // otherwise wait for; done now, it overlaps the snapshot's loading.
            _ = ((IEndpointRouteBuilder)app).DataSources.Sum(source => source.Endpoints.Count);
        }
        catch (IOException ex)
        {
            await app.DisposeAsync();
            throw new FaceEvalException(ErrorKind.Io, $"cannot listen on 127.0.0.1:{options.Port}: {ex.Message}");
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        LabelSession session;
        try
        {
            session = await opening;
        }
        catch
        {
            try
            {
                await app.StopAsync(CancellationToken.None);
            }
            catch (Exception)
            {
                // What opening threw is the error to report.
            }
            finally
            {
                await app.DisposeAsync();
            }

            throw;
        }

        // The one slow computation of the first view runs while the browser loads the page; if it failed,
        // the first unassigned queue would fail the same way and report it.
        _ = Task.Run(session.State.Prepare, CancellationToken.None);
        return new LabelServer(app, port, token);
    }

    /// <summary>Completes when the server stops (Ctrl+C or <paramref name="cancellation"/>).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellation = default) => _app.WaitForShutdownAsync(cancellation);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static bool HostAllowed(HostString host, int port) =>
        port != 0 && host.Port == port
        && (string.Equals(host.Host, "127.0.0.1", StringComparison.Ordinal) || string.Equals(host.Host, "localhost", StringComparison.OrdinalIgnoreCase));

    private static bool TokenMatches(HttpRequest request, string token)
    {
        var given = request.Headers[TokenHeader].FirstOrDefault() ?? request.Query["token"].FirstOrDefault();
        return given is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(token));
    }
}
