using System.Text.Json;
using System.Text.Json.Serialization;
using FaceEval.Core.Errors;
using FaceEval.Core.Metrics;

namespace FaceEval.Core.Configuration;

/// <summary>
/// eval.config.json: defaults for snapshot, model, algorithm parameters, sweep ranges, objective and
/// gates. The command line overrides every value. Relative paths resolve against the file's folder.
/// </summary>
public sealed record EvalConfig
{
    public const string FileName = "eval.config.json";

    public string? Snapshot { get; init; }

    public string? Model { get; init; }

    public int Seed { get; init; } = 42;

    /// <summary>Relation types counted as look-alikes; a trailing '*' matches a prefix.</summary>
    public string RelationTypes { get; init; } = RelationTypeFilter.DefaultSpec;

    public string Objective { get; init; } = "bcubed_f1";

    /// <summary>Upper bounds on metrics that a sweep's best setting must respect (e.g. sibling_confusion: 0.05).</summary>
    public IReadOnlyDictionary<string, double> Max { get; init; } = new Dictionary<string, double>();

    /// <summary>Lower bounds on metrics that a sweep's best setting must respect.</summary>
    public IReadOnlyDictionary<string, double> Min { get; init; } = new Dictionary<string, double>();

    /// <summary>Per algorithm (CLI name), parameter overrides of the built-in defaults.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, JsonElement>> Algorithms { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, JsonElement>>();

    /// <summary>Per parameter name, the algorithm and range that `faceeval sweep --param NAME` uses by default.</summary>
    public IReadOnlyDictionary<string, SweepDefaults> Sweeps { get; init; } = new Dictionary<string, SweepDefaults>();

    public GateConfig Gates { get; init; } = new();

    /// <summary>Folder of the file this was read from; relative paths resolve against it.</summary>
    [JsonIgnore]
    public string BaseDirectory { get; init; } = Environment.CurrentDirectory;

    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>
    /// Reads <paramref name="path"/>, or when null the nearest eval.config.json in the current folder or
    /// above it; with none found, built-in defaults.
    /// </summary>
    public static EvalConfig Load(string? path = null)
    {
        path ??= Find(Environment.CurrentDirectory);
        if (path is null)
        {
            return new EvalConfig();
        }

        if (!File.Exists(path))
        {
            throw new FaceEvalException(ErrorKind.FileNotFound, $"config file not found: {path}");
        }

        try
        {
            var config = JsonSerializer.Deserialize<EvalConfig>(File.ReadAllText(path), JsonOptions)
                ?? throw new FaceEvalException(ErrorKind.InvalidData, $"{path} is empty");
            return config with { BaseDirectory = Path.GetDirectoryName(Path.GetFullPath(path))! };
        }
        catch (JsonException ex)
        {
            throw new FaceEvalException(ErrorKind.InvalidData, $"{path}: {ex.Message}");
        }
    }

    public string ResolvePath(string path) => Path.GetFullPath(Path.Combine(BaseDirectory, path));

    /// <summary>The configured overrides for one algorithm as name/text pairs.</summary>
    public IEnumerable<KeyValuePair<string, string>> ParametersFor(string algorithm) =>
        Algorithms.TryGetValue(algorithm, out var values) ? AsText(values) : [];

    /// <summary>Parameter values as written in JSON (numbers, strings, booleans) in the text form --set takes.</summary>
    public static KeyValuePair<string, string>[] AsText(IReadOnlyDictionary<string, JsonElement> values) =>
        values.Select(kv => new KeyValuePair<string, string>(kv.Key,
            kv.Value.ValueKind == JsonValueKind.String ? kv.Value.GetString()! : kv.Value.GetRawText())).ToArray();

    private static string? Find(string start) => IO.RepositoryRoot.FileAbove(start, FileName);
}
