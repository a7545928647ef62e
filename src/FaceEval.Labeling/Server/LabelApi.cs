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
/// values 400; every edit is on disk before its answer is sent.
/// </summary>
internal static class LabelApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Map(IEndpointRouteBuilder app, LabelSession session)
    {
        var state = session.State;
        var crops = new CropSource(session.Snapshot);

        app.MapGet("/", () => Results.Text(Page.Html, "text/html; charset=utf-8"));

        app.MapGet("/api/people", () => Handle(() => new
        {
            snapshot = session.Snapshot.Id,
            model = session.Model,
            edits = state.EditCount,
            options = state.Options,
            people = state.People(),
        }));

        app.MapGet("/api/people/{id}/queue", (string id, string? kind) => Handle(() =>
        {
            var person = Person(state, id);
            var queue = ParseKind(kind);
            return new { person = state.Person(person), kind = Kebab(queue), faces = state.Queue(person, queue) };
        }));

        app.MapPatch("/api/people/{id}", async (string id, HttpRequest request) =>
        {
            var body = await ReadBody(request);
            return Handle(() =>
            {
                var person = Person(state, id);
                state.Rename(person, RequiredString(body, "name"));
                return state.Person(person);
            });
        });

        app.MapPost("/api/people/{id}/merge", async (string id, HttpRequest request) =>
        {
            var body = await ReadBody(request);
            return Handle(() =>
            {
                var from = Person(state, id);
                var into = Person(state, RequiredString(body, "into"));
                state.Merge(from, into);
                return state.Person(into);
            });
        });

        app.MapGet("/api/faces/{id}", (string id) => Handle(() => Face(state, id)));

        app.MapPatch("/api/faces/{id}", async (string id, HttpRequest request) =>
        {
            var body = await ReadBody(request);
            return Handle(() =>
            {
                Face(state, id);
                if (body is not { ValueKind: JsonValueKind.Object } || !body.Value.TryGetProperty("person", out var person)
                    || person.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                {
                    throw new FaceEvalException(ErrorKind.Usage, "expected {\"person\": \"<id or name>\"} or {\"person\": null}");
                }

                if (person.ValueKind == JsonValueKind.Null)
                {
                    state.Unassign(id);
                }
                else
                {
                    state.Move(id, Person(state, person.GetString()!));
                }

                return Face(state, id);
            });
        });

        app.MapPost("/api/faces/{id}/accept", (string id) => Handle(() =>
        {
            Face(state, id);
            state.Accept(id);
            return Face(state, id);
        }));

        app.MapPost("/api/faces/{id}/new-person", (string id) => Handle(() =>
        {
            Face(state, id);
            var person = state.NewPerson(id);
            return new { person = state.Person(person), face = Face(state, id) };
        }));

        app.MapPost("/api/undo", () => Handle(() => new { undone = state.Undo(), edits = state.EditCount }));

        app.MapGet("/api/crops/{faceId}", (string faceId) =>
        {
            var face = state.IndexOf(faceId);
            var crop = face < 0 ? null : crops.Get(face);
            return crop is { } c ? Results.Bytes(c.Bytes, c.ContentType) : Error(StatusCodes.Status404NotFound, $"no picture for face '{faceId}'");
        });

        app.MapGet("/api/photos/{faceId}", (string faceId) =>
        {
            var face = state.IndexOf(faceId);
            var photo = face < 0 ? null : crops.Photo(face);
            return photo is not null ? Results.Bytes(photo, "image/jpeg") : Error(StatusCodes.Status404NotFound, $"no photo for face '{faceId}'");
        });
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

    private static IResult Handle<T>(Func<T> action)
    {
        try
        {
            return Results.Json(action(), Json);
        }
        catch (FaceEvalException ex)
        {
            return Error(ex.Kind == ErrorKind.UnknownName ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest, ex.Message);
        }
    }

    private static IResult Error(int status, string message) => Results.Json(new { error = message }, Json, statusCode: status);
}
