using System.Text.Json;
using FaceEval.Core.Errors;
using FaceEval.Labeling.Editing;
using FaceEval.Labeling.Workspace;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FaceEval.Labeling.Server;

/// <summary>
/// The JSON API and the page. People are addressed by numeric id (labels such as <c>F0009/MID2</c> hold
/// slashes), or by label in request bodies. Unknown faces and people are 404, malformed bodies and bad
/// values 400; a fault on the server's side (the journal cannot be written, a file or the native runtime
/// fails, a bug) is 500, since retrying the same request elsewhere would not help and the request is not
/// to blame. Every error is one JSON object <c>{"error": "one line"}</c>. Every edit is on disk before its
/// answer is sent; an edit that could not be written is not applied.
/// </summary>
internal static class LabelApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="session">The session; called only from requests, which the server lets through once it is open.</param>
    public static void Map(IEndpointRouteBuilder app, Func<LabelSession> session)
    {
        var crops = new Lazy<CropSource>(() => new CropSource(session().Snapshot));

        app.MapGet("/", () => Results.Text(Page.Html, "text/html; charset=utf-8"));

        app.MapGet("/api/people", () => Handle(() => new
        {
            snapshot = session().Snapshot.Id,
            model = session().Model,
            edits = State().EditCount,
            options = State().Options,
            people = State().People(),
        }));

        app.MapGet("/api/people/{id}/queue", (string id, string? kind) => Handle(() =>
        {
            var person = Person(State(), id);
            var queue = ParseKind(kind);
            return new { person = State().Person(person), kind = Kebab(queue), faces = State().Queue(person, queue) };
        }));

        app.MapPatch("/api/people/{id}", async (string id, HttpRequest request) =>
        {
            var body = await ReadBody(request);
            return Handle(() =>
            {
                var person = Person(State(), id);
                State().Rename(person, RequiredString(body, "name"));
                return State().Person(person);
            });
        });

        app.MapPost("/api/people/{id}/merge", async (string id, HttpRequest request) =>
        {
            var body = await ReadBody(request);
            return Handle(() =>
            {
                var from = Person(State(), id);
                var into = Person(State(), RequiredString(body, "into"));
                State().Merge(from, into);
                return State().Person(into);
            });
        });

        app.MapGet("/api/faces/{id}", (string id) => Handle(() => Face(State(), id)));

        app.MapPatch("/api/faces/{id}", async (string id, HttpRequest request) =>
        {
            var body = await ReadBody(request);
            return Handle(() =>
            {
                Face(State(), id);
                if (body is not { ValueKind: JsonValueKind.Object } || !body.Value.TryGetProperty("person", out var person)
                    || person.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                {
                    throw new FaceEvalException(ErrorKind.Usage, "expected {\"person\": \"<id or name>\"} or {\"person\": null}");
                }

                if (person.ValueKind == JsonValueKind.Null)
                {
                    State().Unassign(id);
                }
                else
                {
                    State().Move(id, Person(State(), person.GetString()!));
                }

                return Face(State(), id);
            });
        });

        app.MapPost("/api/faces/{id}/accept", (string id) => Handle(() =>
        {
            Face(State(), id);
            State().Accept(id);
            return Face(State(), id);
        }));

        app.MapPost("/api/faces/{id}/new-person", (string id) => Handle(() =>
        {
            Face(State(), id);
            var person = State().NewPerson(id);
            return new { person = State().Person(person), face = Face(State(), id) };
        }));

        app.MapPost("/api/undo", () => Handle(() => new { undone = State().Undo(), edits = State().EditCount }));

        app.MapGet("/api/crops/{faceId}", (string faceId) => Guard(() =>
        {
            var face = State().IndexOf(faceId);
            var crop = face < 0 ? null : crops.Value.Get(face);
            return crop is { } c ? Results.Bytes(c.Bytes, c.ContentType) : Error(StatusCodes.Status404NotFound, $"no picture for face '{faceId}'");
        }));

        app.MapGet("/api/photos/{faceId}", (string faceId) => Guard(() =>
        {
            var face = State().IndexOf(faceId);
            var photo = face < 0 ? null : crops.Value.Photo(face);
            return photo is not null ? Results.Bytes(photo, "image/jpeg") : Error(StatusCodes.Status404NotFound, $"no photo for face '{faceId}'");
        }));

        LabelState State() => session().State;
    }

    private static FaceView Face(LabelState state, string id) =>
        state.Face(id) ?? throw new FaceEvalException(ErrorKind.UnknownName, $"no face '{id}'");

    private static int Person(LabelState state, string reference) =>
        state.ResolvePerson(reference) ?? throw new FaceEvalException(ErrorKind.UnknownName, $"no person '{reference}'");

    /// <summary>Accepts <c>closer-to-another</c>, <c>closerToAnother</c> or <c>CloserToAnother</c>.</summary>
    internal static QueueKind ParseKind(string? kind)
    {
        var text = (kind ?? "").Replace("-", "", StringComparison.Ordinal);
        return Enum.TryParse<QueueKind>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !text.Any(char.IsDigit)
            ? parsed
            : throw new FaceEvalException(ErrorKind.Usage,
                $"kind must be one of {string.Join(", ", Enum.GetValues<QueueKind>().Select(Kebab))}, got '{kind}'");
    }

    internal static string Kebab(QueueKind kind) =>
        string.Concat(kind.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static string RequiredString(JsonElement? body, string property) =>
        body is { ValueKind: JsonValueKind.Object } b && b.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FaceEvalException(ErrorKind.Usage, $"expected a JSON object with a string \"{property}\"");

    /// <summary>The body as JSON, or null when it is not JSON (reported as 400 by the handler).</summary>
    private static async Task<JsonElement?> ReadBody(HttpRequest request)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult Handle<T>(Func<T> action) => Guard(() => Results.Json(action(), Json));

    private static IResult Guard(Func<IResult> action)
    {
        try
        {
            return action();
        }
        catch (FaceEvalException ex)
        {
            return Error(Status(ex.Kind), ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Error(StatusCodes.Status500InternalServerError, $"I/O error: {ex.Message}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Error(StatusCodes.Status500InternalServerError, $"internal error: {ex.GetType().Name}: {ex.Message} (please report)");
        }
    }

    /// <summary>The request's fault is 4xx; anything the server failed at is 500.</summary>
    internal static int Status(ErrorKind kind) => kind switch
    {
        ErrorKind.Usage or ErrorKind.InvalidData => StatusCodes.Status400BadRequest,
        ErrorKind.UnknownName => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status500InternalServerError,
    };

    private static IResult Error(int status, string message) =>
        Results.Json(new { error = message.ReplaceLineEndings(" ") }, Json, statusCode: status);

    /// <summary>The error answer of the handlers, for the checks in front of them.</summary>
    internal static Task WriteError(HttpContext context, int status, string message) => Error(status, message).ExecuteAsync(context);

    /// <summary>
    /// Runs the rest of the pipeline and gives the errors no handler answers the same JSON body: routing
    /// leaves no route (404) and a wrong method (405) empty, and an exception that escapes a handler
    /// would be an empty 500.
    /// </summary>
    internal static async Task WithJsonErrors(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !context.Response.HasStarted)
        {
            await WriteError(context, StatusCodes.Status500InternalServerError, $"internal error: {ex.GetType().Name}: {ex.Message} (please report)");
            return;
        }

        var response = context.Response;
        if (response.HasStarted || response.StatusCode < 400 || response.ContentLength > 0)
        {
            return;
        }

        var request = $"{context.Request.Method} {context.Request.Path}";
        await WriteError(context, response.StatusCode, response.StatusCode switch
        {
            StatusCodes.Status404NotFound => $"no such address: {request}",
            StatusCodes.Status405MethodNotAllowed => $"{request}: method not allowed; allowed: {string.Join(", ", response.Headers.Allow.ToArray())}",
            _ => $"{request}: HTTP {response.StatusCode}",
        });
    }
}
