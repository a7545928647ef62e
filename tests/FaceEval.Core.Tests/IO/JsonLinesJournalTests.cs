using System.Text;
using System.Text.Json.Serialization;
using FaceEval.Core.Errors;
using FaceEval.Core.IO;

namespace FaceEval.Core.Tests.IO;

public sealed record JournalEntry(string Name, int Count);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(JournalEntry))]
internal sealed partial class JournalTestJsonContext : JsonSerializerContext;

public sealed class JsonLinesJournalTests : IDisposable
{
    private static readonly System.Text.Json.Serialization.Metadata.JsonTypeInfo<JournalEntry> Type = JournalTestJsonContext.Default.JournalEntry;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string PathOf(string name = "journal.jsonl") => _dir.Combine(name);

    private static JsonLinesJournal<JournalEntry> Open(string path, JournalDamage damage = JournalDamage.Refuse) =>
        JsonLinesJournal<JournalEntry>.Open(path, Type, JsonLinesJournal<JournalEntry>.Read(path, Type, damage));

    [Fact]
    public void EveryAppendIsInTheFileWhenItReturnsAndReadsBack()
    {
        var path = PathOf();
        var journal = Open(path);
        journal.Append(new JournalEntry("a", 1));
        Assert.Equal("{\"name\":\"a\",\"count\":1}\n", File.ReadAllText(path));
        journal.AppendAll([new JournalEntry("b", 2), new JournalEntry("c", 3)]);
        journal.AppendAll([]);

        var content = JsonLinesJournal<JournalEntry>.Read(path, Type, JournalDamage.Refuse);
        Assert.Equal([new JournalEntry("a", 1), new JournalEntry("b", 2), new JournalEntry("c", 3)], content.Entries);
        Assert.Equal(new FileInfo(path).Length, content.Length);
        Assert.Equal(content.Length, journal.Length);
    }

    [Theory]
    [InlineData("{\"name\":\"d\",\"cou")] // cut short, no newline
    [InlineData("{\"name\":\"d\",\"cou\n")] // garbled, and the last line
    public void ATornLastLineIsIgnoredAndCutOffOnOpening(string torn)
    {
        var path = PathOf();
        File.WriteAllText(path, "\uFEFF{\"name\":\"a\",\"count\":1}\n" + torn, new UTF8Encoding(false));
        Assert.StartsWith("\uFEFF", Encoding.UTF8.GetString(File.ReadAllBytes(path)));

        var journal = Open(path);
        journal.Append(new JournalEntry("e", 5));

        Assert.Equal([new JournalEntry("a", 1), new JournalEntry("e", 5)], JsonLinesJournal<JournalEntry>.Read(path, Type, JournalDamage.Refuse).Entries);
        Assert.EndsWith("{\"name\":\"a\",\"count\":1}\n{\"name\":\"e\",\"count\":5}\n", File.ReadAllText(path));
    }

    [Fact]
    public void ADamagedLineBeforeTheLastIsRefusedOrDroppedWithTheRest()
    {
        var path = PathOf();
        const string good = "{\"name\":\"a\",\"count\":1}\n";
        File.WriteAllText(path, good + "not json\n{\"name\":\"b\",\"count\":2}\n");

        var refused = Assert.Throws<FaceEvalException>(() => JsonLinesJournal<JournalEntry>.Read(path, Type, JournalDamage.Refuse));
        Assert.Equal(ErrorKind.InvalidData, refused.Kind);
        Assert.Contains("line 2", refused.Message);

        var dropped = JsonLinesJournal<JournalEntry>.Read(path, Type, JournalDamage.DropFromThere);
        Assert.Equal([new JournalEntry("a", 1)], dropped.Entries);
        Assert.Equal(good.Length, dropped.Length);
        JsonLinesJournal<JournalEntry>.Open(path, Type, dropped);
        Assert.Equal(good, File.ReadAllText(path));
    }

    [Fact]
    public void AHeaderLineIsReturnedAsWrittenAndATornOneIsNone()
    {
        var path = PathOf();
        File.WriteAllText(path, "\"settings\"\n{\"name\":\"a\",\"count\":1}\n");
        var content = JsonLinesJournal<JournalEntry>.Read(path, Type, JournalDamage.DropFromThere, header: true);
        Assert.Equal("\"settings\"", content.Header);
        Assert.Equal([new JournalEntry("a", 1)], content.Entries);

        File.WriteAllText(path, "\"setti");
        var torn = JsonLinesJournal<JournalEntry>.Read(path, Type, JournalDamage.DropFromThere, header: true);
        Assert.Null(torn.Header);
        Assert.Equal(0, torn.Length);
        Assert.Empty(torn.Entries);
    }

    [Fact]
    public void AJournalDeletedOrChangedUnderItRefusesTheAppendAndIsNotRecreated()
    {
        var path = PathOf();
        var journal = Open(path);
        journal.Append(new JournalEntry("a", 1));

        File.Delete(path);
        Assert.Equal(ErrorKind.Io, Assert.Throws<FaceEvalException>(() => journal.Append(new JournalEntry("b", 2))).Kind);
        Assert.False(File.Exists(path));

        File.WriteAllText(path, "{\"name\":\"other\",\"count\":9}\n{\"name\":\"x\",\"count\":0}\n");
        var changed = Assert.Throws<FaceEvalException>(() => journal.Append(new JournalEntry("b", 2)));
        Assert.Equal(ErrorKind.Io, changed.Kind);
        Assert.Contains(path, changed.Message);
        Assert.Equal(2, File.ReadAllLines(path).Length);
    }

    [Fact]
    public void AFailedWriteIsRefusedAndLeavesTheLengthItHad()
    {
        if (!File.Exists("/dev/full") || OperatingSystem.IsWindows())
        {
            return; // the only portable way to make a write fail after the open is a full device
        }

        var path = PathOf();
        var journal = Open(path);
        File.Delete(path);
        File.CreateSymbolicLink(path, "/dev/full");

        var ex = Assert.Throws<FaceEvalException>(() => journal.Append(new JournalEntry("a", 1)));
        Assert.Equal(ErrorKind.Io, ex.Kind);
        Assert.Equal(0, journal.Length);
    }
}
