using System.Net;
using System.Text.Json;
using FaceEval.Labeling.Server;

namespace FaceEval.Labeling.Tests.Server;

/// <summary>
/// README promises every API error as one JSON object <c>{"error": "one line"}</c>. These are the errors
/// no endpoint handler answers: the guard in front (Host, token) and the router (no route, wrong method).
/// </summary>
public sealed class LabelServerErrorBodyTests
{
    [Theory]
    [InlineData("GET", "/api/people", false, null, HttpStatusCode.Unauthorized)]
    [InlineData("PATCH", "/api/faces/aX", false, null, HttpStatusCode.Unauthorized)]
    [InlineData("GET", "/api/people", true, "evil.example", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/nothing-here", true, null, HttpStatusCode.NotFound)]
    [InlineData("GET", "/favicon.ico", true, null, HttpStatusCode.NotFound)]
    [InlineData("DELETE", "/api/people", true, null, HttpStatusCode.MethodNotAllowed)]
    [InlineData("POST", "/api/faces/aX", true, null, HttpStatusCode.MethodNotAllowed)]
    [InlineData("PUT", "/", true, null, HttpStatusCode.MethodNotAllowed)]
    public async Task Errors_outside_the_handlers_are_one_line_json_too(string method, string path, bool token, string? host, HttpStatusCode expected)
    {
        await using var h = await ServerHarness.StartAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (token)
        {
            request.Headers.Add(LabelServer.TokenHeader, ServerHarness.Token);
        }

        if (host is not null)
        {
            request.Headers.Host = $"{host}:{h.Server.Port}";
        }

        using var response = await h.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain('\n', text);
        using var body = JsonDocument.Parse(text);
        var only = Assert.Single(body.RootElement.EnumerateObject());
        Assert.Equal("error", only.Name);
        Assert.False(string.IsNullOrWhiteSpace(only.Value.GetString()));
    }

    [Fact]
    public async Task A_wrong_method_still_says_which_methods_the_route_takes()
    {
        await using var h = await ServerHarness.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/api/faces/aX");
        request.Headers.Add(LabelServer.TokenHeader, ServerHarness.Token);
        using var response = await h.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("GET", response.Content.Headers.Allow);
        Assert.Contains("PATCH", response.Content.Headers.Allow);
        Assert.Contains("DELETE", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_successful_answer_is_left_alone()
    {
        await using var h = await ServerHarness.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/faces/aX");
        request.Headers.Add(LabelServer.TokenHeader, ServerHarness.Token);
        using var response = await h.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("aX", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString());
    }
}
