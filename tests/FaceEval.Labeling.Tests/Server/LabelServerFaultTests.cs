using System.Net;
using System.Text;
using System.Text.Json;
using FaceEval.Labeling.Journal;
using FaceEval.Labeling.Server;

namespace FaceEval.Labeling.Tests.Server;

/// <summary>
/// Faults on the server's side are 5xx with a one-line JSON error, never a 4xx that blames the request;
/// an edit the journal could not take is neither acknowledged nor applied, and no acknowledged edit is lost.
/// </summary>
public sealed class LabelServerFaultTests
{
    private static async Task<(HttpStatusCode Status, string Text)> Send(ServerHarness h, HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add(LabelServer.TokenHeader, ServerHarness.Token);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await h.Client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement> Get(ServerHarness h, string path)
    {
        var (status, text) = await Send(h, HttpMethod.Get, path);
        Assert.True(status == HttpStatusCode.OK, $"{path}: {status} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static string? PersonOf(JsonElement face) => face.GetProperty("person").GetString();

    /// <summary>A 500 whose body is exactly one JSON object with a one-line error.</summary>
    private static void AssertServerFault(HttpStatusCode status, string text, string mentions)
    {
        Assert.True(status == HttpStatusCode.InternalServerError, $"expected 500, got {(int)status}: {text}");
        Assert.DoesNotContain('\n', text);
        using var json = JsonDocument.Parse(text);
        var error = json.RootElement.GetProperty("error").GetString()!;
        Assert.Contains(mentions, error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain('\n', error);
    }

    [Fact]
    public async Task An_unwritable_journal_is_a_500_and_the_edit_is_not_applied()
    {
        await using var h = await ServerHarness.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await Send(h, HttpMethod.Patch, "/api/faces/aX", "{\"person\":\"B\"}")).Status);

        // The journal goes away under the server and a directory takes its name: no process, root
        // included, can append to it.
        var journal = Path.Combine(h.SnapshotDirectory + ".labels", LabelJournal.FileName);
        var saved = journal + ".saved";
        File.Move(journal, saved);
        Directory.CreateDirectory(journal);

        var (status, text) = await Send(h, HttpMethod.Patch, "/api/faces/u1", "{\"person\":\"A\"}");
        AssertServerFault(status, text, "journal");
        (status, text) = await Send(h, HttpMethod.Post, "/api/undo");
        AssertServerFault(status, text, "journal");
        (status, text) = await Send(h, HttpMethod.Post, "/api/faces/u2/new-person");
        AssertServerFault(status, text, "journal");

        // Nothing of the refused edits took effect; the acknowledged one still does.
        Assert.Null(PersonOf(await Get(h, "/api/faces/u1")));
        Assert.Null(PersonOf(await Get(h, "/api/faces/u2")));
        Assert.Equal("B", PersonOf(await Get(h, "/api/faces/aX")));
        var people = await Get(h, "/api/people");
        Assert.Equal(1, people.GetProperty("edits").GetInt32());
        Assert.DoesNotContain(people.GetProperty("people").EnumerateArray(), p => p.GetProperty("label").GetString() == "new-1");

        // With the journal back, edits are taken again, and a restart replays exactly the acknowledged ones.
        Directory.Delete(journal);
        File.Move(saved, journal);
        Assert.Equal(HttpStatusCode.OK, (await Send(h, HttpMethod.Post, "/api/faces/bO/accept")).Status);
        Assert.Equal(2, File.ReadAllLines(journal).Length);
        await h.RestartAsync();
        Assert.Equal("B", PersonOf(await Get(h, "/api/faces/aX")));
        Assert.Null(PersonOf(await Get(h, "/api/faces/u1")));
        Assert.True((await Get(h, "/api/faces/bO")).GetProperty("reviewed").GetBoolean());
        Assert.Equal(2, (await Get(h, "/api/people")).GetProperty("edits").GetInt32());
    }

    [Fact]
    public async Task A_journal_that_vanished_is_not_recreated_behind_the_acknowledged_edits()
    {
        await using var h = await ServerHarness.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await Send(h, HttpMethod.Patch, "/api/faces/aX", "{\"person\":\"B\"}")).Status);
        var journal = Path.Combine(h.SnapshotDirectory + ".labels", LabelJournal.FileName);
        File.Delete(journal);

        // Acknowledging into a deleted file (or a fresh one without the first edit) would lose edits at the next start.
        var (status, text) = await Send(h, HttpMethod.Patch, "/api/faces/u1", "{\"person\":\"A\"}");
        AssertServerFault(status, text, "journal");
        Assert.Null(PersonOf(await Get(h, "/api/faces/u1")));
        Assert.False(File.Exists(journal));
    }
}
