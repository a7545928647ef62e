using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using FaceEval.Labeling.Server;

namespace FaceEval.Labeling.Tests.Server;

public sealed class LabelServerTests
{
    private static HttpRequestMessage Request(HttpMethod method, string path, string? json = null, bool token = true)
    {
        var request = new HttpRequestMessage(method, path);
        if (token)
        {
            request.Headers.Add(LabelServer.TokenHeader, ServerHarness.Token);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return request;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> Send(ServerHarness h, HttpMethod method, string path, string? json = null)
    {
        using var response = await h.Client.SendAsync(Request(method, path, json));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 && text[0] is '{' or '[' ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }

    [Fact]
    public async Task Every_request_needs_the_token()
    {
        await using var h = await ServerHarness.StartAsync();
        foreach (var path in new[] { "/", "/api/people", "/api/faces/a1", "/api/crops/a1" })
        {
            using var none = await h.Client.SendAsync(Request(HttpMethod.Get, path, token: false));
            Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        }

        using var wrong = await h.Client.GetAsync("/api/people?token=test-token-1235");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        using var patch = await h.Client.SendAsync(Request(HttpMethod.Patch, "/api/faces/aX", "{\"person\":\"B\"}", token: false));
        Assert.Equal(HttpStatusCode.Unauthorized, patch.StatusCode);
        Assert.Equal("A", (await Send(h, HttpMethod.Get, "/api/faces/aX")).Body.GetProperty("person").GetString());

        using var query = await h.Client.GetAsync($"/api/people?token={ServerHarness.Token}");
        Assert.Equal(HttpStatusCode.OK, query.StatusCode);
        using var page = await h.Client.GetAsync($"/?token={ServerHarness.Token}");
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<html", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_foreign_host_header_is_refused()
    {
        await using var h = await ServerHarness.StartAsync();
        using var request = Request(HttpMethod.Get, "/api/people");
        request.Headers.Host = $"evil.example:{h.Server.Port}";
        using var response = await h.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var otherPort = Request(HttpMethod.Get, "/api/people");
        otherPort.Headers.Host = "localhost:1";
        Assert.Equal(HttpStatusCode.BadRequest, (await h.Client.SendAsync(otherPort)).StatusCode);
        using var local = Request(HttpMethod.Get, "/api/people");
        local.Headers.Host = $"localhost:{h.Server.Port}";
        Assert.Equal(HttpStatusCode.OK, (await h.Client.SendAsync(local)).StatusCode);
    }

    [Fact]
    public async Task Faces_people_and_queues_answer_json()
    {
        await using var h = await ServerHarness.StartAsync();
        var (status, people) = await Send(h, HttpMethod.Get, "/api/people");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["A", "B", "C", "D", "E"], people.GetProperty("people").EnumerateArray().Select(p => p.GetProperty("label").GetString()));

        var (_, face) = await Send(h, HttpMethod.Get, "/api/faces/aX");
        Assert.Equal("aX", face.GetProperty("id").GetString());
        Assert.Equal("A", face.GetProperty("person").GetString());
        var best = face.GetProperty("candidates")[0];
        Assert.Equal("B", best.GetProperty("person").GetString());
        Assert.True(best.GetProperty("distance").GetDouble() < face.GetProperty("distance").GetDouble());
        Assert.Equal(JsonValueKind.Null, (await Send(h, HttpMethod.Get, "/api/faces/u1")).Body.GetProperty("person").ValueKind);

        var (_, queue) = await Send(h, HttpMethod.Get, "/api/people/1/queue?kind=worst-outliers");
        Assert.Equal(["bO", "bP"], queue.GetProperty("faces").EnumerateArray().Select(f => f.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("GET", "/api/faces/zz", null, HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/people/99/queue?kind=worst-outliers", null, HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/people/0/queue?kind=bogus", null, HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/people/0/queue", null, HttpStatusCode.BadRequest)]
    [InlineData("PATCH", "/api/faces/zz", "{\"person\":\"B\"}", HttpStatusCode.NotFound)]
    [InlineData("PATCH", "/api/faces/aX", "{\"person\":\"Nobody\"}", HttpStatusCode.NotFound)]
    [InlineData("PATCH", "/api/faces/aX", "{\"person\":", HttpStatusCode.BadRequest)]
    [InlineData("PATCH", "/api/faces/aX", "{\"who\":\"B\"}", HttpStatusCode.BadRequest)]
    [InlineData("PATCH", "/api/faces/aX", "{\"person\":3}", HttpStatusCode.BadRequest)]
    [InlineData("PATCH", "/api/faces/aX", "[\"B\"]", HttpStatusCode.BadRequest)]
    [InlineData("PATCH", "/api/people/3", "{\"name\":\"\"}", HttpStatusCode.BadRequest)]
    [InlineData("PATCH", "/api/people/3", "{\"name\":\"B\"}", HttpStatusCode.BadRequest)]
    [InlineData("POST", "/api/people/3/merge", "{\"into\":\"Nobody\"}", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/crops/zz", null, HttpStatusCode.NotFound)]
    public async Task Unknown_things_are_404_and_malformed_bodies_400(string method, string path, string? body, HttpStatusCode expected)
    {
        await using var h = await ServerHarness.StartAsync();
        var (status, answer) = await Send(h, new HttpMethod(method), path, body);
        Assert.Equal(expected, status);
        Assert.False(string.IsNullOrEmpty(answer.GetProperty("error").GetString()));
        Assert.Equal("A", (await Send(h, HttpMethod.Get, "/api/faces/aX")).Body.GetProperty("person").GetString());
        Assert.Equal(0, (await Send(h, HttpMethod.Get, "/api/people")).Body.GetProperty("edits").GetInt32());
    }

    [Fact]
    public async Task Patch_then_undo_then_patch_survives_a_restart()
    {
        await using var h = await ServerHarness.StartAsync();
        var (status, moved) = await Send(h, HttpMethod.Patch, "/api/faces/aX", "{\"person\":\"B\"}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("B", moved.GetProperty("person").GetString());
        Assert.Empty((await Send(h, HttpMethod.Get, "/api/people/0/queue?kind=closer-to-another")).Body.GetProperty("faces").EnumerateArray());

        var (_, undo) = await Send(h, HttpMethod.Post, "/api/undo");
        Assert.True(undo.GetProperty("undone").GetBoolean());
        Assert.Equal("A", (await Send(h, HttpMethod.Get, "/api/faces/aX")).Body.GetProperty("person").GetString());
        Assert.Equal(["aX"], (await Send(h, HttpMethod.Get, "/api/people/0/queue?kind=closer-to-another")).Body
            .GetProperty("faces").EnumerateArray().Select(f => f.GetProperty("id").GetString()));

        await Send(h, HttpMethod.Patch, "/api/faces/aX", "{\"person\":\"1\"}");
        await Send(h, HttpMethod.Patch, "/api/faces/bO", "{\"person\":null}");
        await Send(h, HttpMethod.Patch, "/api/people/3", "{\"name\":\"Dora\"}");
        var (_, created) = await Send(h, HttpMethod.Post, "/api/faces/u1/new-person");
        Assert.Equal("new-1", created.GetProperty("face").GetProperty("person").GetString());

        await h.RestartAsync();
        Assert.Equal("B", (await Send(h, HttpMethod.Get, "/api/faces/aX")).Body.GetProperty("person").GetString());
        Assert.Equal(JsonValueKind.Null, (await Send(h, HttpMethod.Get, "/api/faces/bO")).Body.GetProperty("person").ValueKind);
        Assert.Equal("Dora", (await Send(h, HttpMethod.Get, "/api/faces/d1")).Body.GetProperty("person").GetString());
        Assert.Equal("new-1", (await Send(h, HttpMethod.Get, "/api/faces/u1")).Body.GetProperty("person").GetString());
        Assert.Equal(4, (await Send(h, HttpMethod.Get, "/api/people")).Body.GetProperty("edits").GetInt32());
    }

    [Fact]
    public async Task Crops_are_served_by_face_id_only()
    {
        await using var h = await ServerHarness.StartAsync();
        using var crop = await h.Client.SendAsync(Request(HttpMethod.Get, "/api/crops/a1"));
        Assert.Equal(HttpStatusCode.OK, crop.StatusCode);
        Assert.Equal(ServerHarness.CropBytes, await crop.Content.ReadAsByteArrayAsync());

        // Faces (and the token in their addresses) stay out of the browser's disk cache.
        Assert.True(crop.Headers.CacheControl?.NoStore, crop.Headers.CacheControl?.ToString());

        // bO's own row points outside crops/: refused; encoded traversal in the id names no face.
        foreach (var path in new[] { "/api/crops/bO", "/api/crops/..%2Fmanifest.json", "/api/crops/..%2F..%2Fsecret.txt", "/api/crops/%2E%2E%2Fsecret.txt" })
        {
            using var response = await h.Client.SendAsync(Request(HttpMethod.Get, path));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var text = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("do not serve", text, StringComparison.Ordinal);
            Assert.DoesNotContain("formatVersion", text, StringComparison.Ordinal);
            Assert.DoesNotContain("format_version", text, StringComparison.Ordinal);
        }

        // A raw request line with dot segments (HttpClient would normalise them away).
        var raw = await RawGet(h.Server.Port, $"/api/crops/../../secret.txt?token={ServerHarness.Token}");
        Assert.DoesNotContain("do not serve", raw, StringComparison.Ordinal);
        Assert.DoesNotContain(" 200 ", raw.Split('\n')[0], StringComparison.Ordinal);
    }

    private static async Task<string> RawGet(int port, string target)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        await using var stream = client.GetStream();
        var request = $"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }
}
