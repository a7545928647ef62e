using System.Text.Json;
using System.Text.Json.Serialization;
using FaceEval.Core.Errors;

namespace FaceEval.Core.Metrics;

/// <summary>
/// The metric object: exactly the keys of <see cref="MetricKeys.JsonNames"/> in that order, counts as
/// integers, other values as shortest round-trippable invariant numbers, <c>sibling_confusion</c> null
/// when absent. A converter rather than generated properties because the object is stricter than a
/// record can say: reading names the unknown, missing, null or fractional key (<see cref="ErrorKind.InvalidData"/>).
/// </summary>
internal sealed class MetricReportConverter : JsonConverter<MetricReport>
{
    public override void Write(Utf8JsonWriter writer, MetricReport value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var key in MetricKeys.All)
        {
            switch (value.Get(key))
            {
                case null:
                    writer.WriteNull(key.JsonName());
                    break;
                case { } count when key.IsCount():
                    writer.WriteNumber(key.JsonName(), (long)count);
                    break;
                case { } v:
                    writer.WriteNumber(key.JsonName(), v);
                    break;
            }
        }

        writer.WriteEndObject();
    }

    public override MetricReport Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new FaceEvalException(ErrorKind.InvalidData, "metric report must be a JSON object");
        }

        var values = new double?[MetricKeys.All.Count];
        var seen = new bool[values.Length];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            if (!MetricKeys.TryParse(name, out var key) || key.JsonName() != name)
            {
                throw new FaceEvalException(ErrorKind.InvalidData, $"metric report has an unknown key '{name}'");
            }

            reader.Read();
            seen[(int)key] = true;
            values[(int)key] = ReadValue(ref reader, name, key);
        }

        var missing = MetricKeys.All.Where(k => !seen[(int)k]).Select(k => k.JsonName()).ToList();
        if (missing.Count > 0)
        {
            throw new FaceEvalException(ErrorKind.InvalidData, $"metric report is missing {string.Join(", ", missing)}");
        }

        double V(MetricKey k) => values[(int)k]!.Value;
        return new MetricReport(
            V(MetricKey.Ari), V(MetricKey.Ami), V(MetricKey.Nmi), V(MetricKey.Fmi),
            V(MetricKey.PairwisePrecision), V(MetricKey.PairwiseRecall), V(MetricKey.PairwiseF1),
            V(MetricKey.BcubedPrecision), V(MetricKey.BcubedRecall), V(MetricKey.BcubedF1),
            V(MetricKey.Homogeneity), V(MetricKey.Completeness), V(MetricKey.VMeasure),
            (int)V(MetricKey.Clusters), (int)V(MetricKey.Unassigned), V(MetricKey.UnassignedRate),
            V(MetricKey.LargestClusterShare), values[(int)MetricKey.SiblingConfusion], (int)V(MetricKey.Scored));
    }

    private static double? ReadValue(ref Utf8JsonReader reader, string name, MetricKey key)
    {
        if (reader.TokenType == JsonTokenType.Null && key == MetricKey.SiblingConfusion)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new FaceEvalException(ErrorKind.InvalidData, $"metric report key '{name}' must be a number, not {Kind(reader.TokenType)}");
        }

        if (key.IsCount())
        {
            if (!reader.TryGetInt32(out var count) || count < 0)
            {
                throw new FaceEvalException(ErrorKind.InvalidData, $"metric report key '{name}' must be a non-negative integer");
            }

            return count;
        }

        return reader.GetDouble();
    }

    private static string Kind(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "object",
        JsonTokenType.StartArray => "array",
        _ => token.ToString().ToLowerInvariant(),
    };
}
