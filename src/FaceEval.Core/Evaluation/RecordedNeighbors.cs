using System.Globalization;
using System.Text.Json.Serialization;
using FaceEval.Core.Errors;
using FaceEval.Core.Neighbors;

namespace FaceEval.Core.Evaluation;

/// <summary>
/// The neighbour structure as a kept result records it (sweep.json's and the gate baseline's "neighbors"):
/// <c>{"structure": "full"}</c>, <c>{"structure": "exact", "k": 32}</c>; approx adds its index parameters
/// under "index" (nlist, nprobe, seed, recallQueries, recallFloor as invariant-culture text), so a replay
/// rebuilds (or loads) the same graph. A file without the field was written when every run
/// used the full matrix, so it reads as <c>full</c> (<see cref="Unrecorded"/>).
/// </summary>
/// <param name="Index">The index parameters of an approximate structure; null (left out) for full and exact.</param>
public sealed record RecordedNeighbors(
    string Structure,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? K = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Index = null)
{
    /// <summary>What a file without "neighbors" was run with.</summary>
    public static NeighborChoice Unrecorded => NeighborChoice.Full;

    public static RecordedNeighbors From(NeighborChoice choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        return new RecordedNeighbors(Name(choice.Structure), choice.IsGraph ? choice.K : null, choice.Index is { } p ? IndexFields(p) : null);
    }

    private static Dictionary<string, string> IndexFields(IvfParameters p) => new()
    {
        ["nlist"] = Text(p.Nlist),
        ["nprobe"] = Text(p.Nprobe),
        ["seed"] = Text(p.Seed),
        ["recallQueries"] = Text(p.RecallQueries),
        ["recallFloor"] = p.RecallFloor.ToString("R", CultureInfo.InvariantCulture),
    };

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>The choice recorded; a value the writer could not have made is <see cref="ErrorKind.InvalidData"/> naming <paramref name="file"/>.</summary>
    public NeighborChoice ToChoice(string file)
    {
        var structure = Parse(Structure, file);
        if (structure != NeighborStructure.Approx && Index is { Count: > 0 })
        {
            throw new FaceEvalException(ErrorKind.InvalidData, $"{file}: neighbors '{Structure}' records index parameters ({string.Join(", ", Index.Keys)}), but only approx has an index");
        }

        if (structure == NeighborStructure.Full ? K is not null : K is null)
        {
            throw new FaceEvalException(ErrorKind.InvalidData, structure == NeighborStructure.Full
                ? $"{file}: neighbors 'full' records k {K!.Value.ToString(CultureInfo.InvariantCulture)}, but the full matrix takes none"
                : $"{file}: neighbors '{Structure}' records no k");
        }

        try
        {
            return new NeighborChoice(structure, K ?? 0, structure == NeighborStructure.Approx ? ParseIndex(file) : null);
        }
        catch (FaceEvalException e) when (e.Kind == ErrorKind.Usage)
        {
            throw new FaceEvalException(ErrorKind.InvalidData, $"{file}: {e.Message}");
        }
    }

    private IvfParameters ParseIndex(string file)
    {
        var fields = Index ?? new Dictionary<string, string>();
        if (fields.Keys.FirstOrDefault(key => !IndexFields(new IvfParameters(1, 1)).ContainsKey(key)) is { } unknown)
        {
            throw new FaceEvalException(ErrorKind.InvalidData, $"{file}: neighbors 'approx' records index parameter '{unknown}', which this FaceEval does not know");
        }

        int Int(string name) => fields.TryGetValue(name, out var v) && int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n
            : throw new FaceEvalException(ErrorKind.InvalidData, $"{file}: neighbors 'approx' records no valid index parameter '{name}'");
        var floor = fields.TryGetValue("recallFloor", out var f) && double.TryParse(f, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? x
            : throw new FaceEvalException(ErrorKind.InvalidData, $"{file}: neighbors 'approx' records no valid index parameter 'recallFloor'");
        return new IvfParameters(Int("nlist"), Int("nprobe"), Int("seed"), Int("recallQueries"), floor);
    }

    /// <summary>What <paramref name="choice"/> asks of <see cref="NeighborPlan"/> when replayed: the same structure and k, given explicitly.</summary>
    public static NeighborRequest Request(NeighborChoice choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        return new NeighborRequest(choice.Structure, choice.IsGraph ? choice.K : null)
        {
            Nlist = choice.Index?.Nlist,
            Nprobe = choice.Index?.Nprobe,
            RecallQueries = choice.Index?.RecallQueries,
            RecallFloor = choice.Index?.RecallFloor,
            IndexSeed = choice.Index?.Seed,
        };
    }

    /// <summary>As the CLI and files spell a structure: its enum name in lower case.</summary>
    public static string Name(NeighborStructure structure) => structure.ToString().ToLowerInvariant();

    /// <summary>Every structure's name, for messages and help.</summary>
    public static IReadOnlyList<string> Names { get; } = Enum.GetValues<NeighborStructure>().Select(Name).ToArray();

    /// <summary><paramref name="text"/> as a structure; anything else is a usage error naming <paramref name="source"/> (e.g. "--neighbors").</summary>
    public static NeighborStructure ParseOption(string text, string source) =>
        Enum.GetValues<NeighborStructure>().FirstOrDefault(s => Name(s) == text, (NeighborStructure)(-1)) is var s && Enum.IsDefined(s) ? s
            : throw new FaceEvalException(ErrorKind.Usage, $"{source} '{text}' is not one of: {string.Join(", ", Names)}");

    private static NeighborStructure Parse(string text, string file)
    {
        try
        {
            return ParseOption(text, "neighbors");
        }
        catch (FaceEvalException e) when (e.Kind == ErrorKind.Usage)
        {
            throw new FaceEvalException(ErrorKind.InvalidData, $"{file}: {e.Message}");
        }
    }
}
