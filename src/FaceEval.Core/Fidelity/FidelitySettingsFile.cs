using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using FaceEval.Core.Algorithms;
using FaceEval.Core.Errors;
using FaceEval.Core.IO;

namespace FaceEval.Core.Fidelity;

/// <summary>
/// A list of settings for `faceeval fidelity --settings FILE`, e.g. the README table's:
/// <c>{"settings": [{"algorithm": "dbscan"}, {"algorithm": "dbscan", "set": {"eps": 0.4}}]}</c>.
/// "set" holds --set's overrides (numbers, strings or booleans); a setting without it is the default.
/// </summary>
public static class FidelitySettingsFile
{
    public static IReadOnlyList<FidelitySetting> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FaceEvalException(ErrorKind.FileNotFound, $"settings file not found: {path}");
        }

        FidelitySettingsJson? file;
        try
        {
            file = JsonSerializer.Deserialize(File.ReadAllBytes(path), FormatJson.Compact.FidelitySettingsJson);
        }
        catch (JsonException e)
        {
            throw new FaceEvalException(ErrorKind.InvalidData, $"{path}: not a settings file ({e.Message})");
        }

        if (file is null || file.Settings.Count == 0)
        {
            throw new FaceEvalException(ErrorKind.InvalidData, $"{path}: \"settings\" lists no setting");
        }

        return file.Settings.Select((s, i) => new FidelitySetting(Algorithm(s.Algorithm, path, i),
            (s.Set ?? new Dictionary<string, JsonElement>()).Select(kv => KeyValuePair.Create(kv.Key, Text(kv.Value, path, i))).ToArray())).ToArray();
    }

    private static AlgorithmKind Algorithm(string name, string path, int index)
    {
        try
        {
            return AlgorithmNames.Parse(name);
        }
        catch (FaceEvalException e)
        {
            throw new FaceEvalException(ErrorKind.InvalidData, $"{path}: settings[{index.ToString(CultureInfo.InvariantCulture)}]: {e.Message}");
        }
    }

    private static string Text(JsonElement value, string path, int index) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => throw new FaceEvalException(ErrorKind.InvalidData, $"{path}: settings[{index.ToString(CultureInfo.InvariantCulture)}]: a value of \"set\" must be a number, string or boolean, not {value.ValueKind.ToString().ToLowerInvariant()}"),
    };
}

/// <summary>The settings file as written.</summary>
internal sealed record FidelitySettingsJson(IReadOnlyList<FidelitySettingJson> Settings);

internal sealed record FidelitySettingJson(
    string Algorithm,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, JsonElement>? Set = null);
