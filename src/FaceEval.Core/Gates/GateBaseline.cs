using System.Text.Json;
using FaceEval.Core.Errors;
using FaceEval.Core.IO;

namespace FaceEval.Core.Gates;

/// <summary>The committed baseline file: one entry per suite name (keys snake_case, written unescaped; see <see cref="FormatJson"/>).</summary>
public sealed record GateBaseline(int FormatVersion, IReadOnlyDictionary<string, GateBaselineEntry> Suites)
{
    public const int CurrentFormat = 1;

    public static GateBaseline Empty { get; } = new(CurrentFormat, new Dictionary<string, GateBaselineEntry>());

    public static GateBaseline Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FaceEvalException(ErrorKind.FileNotFound,
                $"no baseline at {path}; make one with 'faceeval gate --update-baseline --reason \"...\"'");
        }

        try
        {
            var baseline = JsonSerializer.Deserialize(File.ReadAllText(path), FormatJson.Compact.GateBaseline)
                ?? throw new FaceEvalException(ErrorKind.InvalidData, $"baseline {path} is empty");
            return baseline.FormatVersion == CurrentFormat ? baseline
                : throw new FaceEvalException(ErrorKind.InvalidData, $"baseline {path} has format {baseline.FormatVersion}; this FaceEval reads {CurrentFormat}");
        }
        catch (JsonException ex)
        {
            throw new FaceEvalException(ErrorKind.InvalidData, $"baseline {path} is not valid: {ex.Message}");
        }
    }

    public GateBaseline With(IEnumerable<KeyValuePair<string, GateBaselineEntry>> entries)
    {
        var suites = new SortedDictionary<string, GateBaselineEntry>(Suites.ToDictionary(), StringComparer.Ordinal);
        foreach (var (name, entry) in entries)
        {
            suites[name] = entry;
        }

        return this with { Suites = suites };
    }

    public void Save(string path) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, FormatJson.IndentedUnescaped.GateBaseline) + "\n");
}
