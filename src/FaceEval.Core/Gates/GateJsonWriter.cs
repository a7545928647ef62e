using System.Text.Json;
using FaceEval.Core.Errors;
using FaceEval.Core.IO;

namespace FaceEval.Core.Gates;

/// <summary>reports/gate.json: every suite with what ran, the changes from the baseline, the metrics and the checks (<see cref="GateResultJson"/>).</summary>
public static class GateJsonWriter
{
    public static void Write(GateResult result, Stream stream) =>
        JsonSerializer.Serialize(stream, GateResultJson.From(result), FormatJson.Indented.GateResultJson);

    /// <summary>A gate.json as written; a file that is not one is <see cref="ErrorKind.InvalidData"/>.</summary>
    internal static GateResultJson Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(path), FormatJson.Compact.GateResultJson)
                ?? throw new FaceEvalException(ErrorKind.InvalidData, $"{path}: empty gate result");
        }
        catch (JsonException ex)
        {
            throw new FaceEvalException(ErrorKind.InvalidData, $"{path}: not a gate result ({ex.Message})");
        }
    }
}
