using System.Text.Json;
using System.Text.Json.Serialization;
using FaceEval.Labeling.Editing;
using FaceEval.Labeling.Workspace;

namespace FaceEval.Labeling.Journal;

/// <summary>
/// The labelling tool's files: journal lines and work.json, snake_case keys like every FaceEval file
/// (docs/architecture.md, "File formats"). Journal lines leave out what an edit does not use; edit kinds
/// are written as camelCase words (<c>newPerson</c>), as every journal so far has them.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    Converters = [typeof(EditKindConverter)])]
[JsonSerializable(typeof(LabelEdit))]
[JsonSerializable(typeof(WorkInfo))]
internal sealed partial class LabelJsonContext : JsonSerializerContext;

/// <summary>Reads work.json files written before keys became snake_case (<c>snapshotId</c>); never used for writing.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(WorkInfo))]
internal sealed partial class CamelCaseWorkJsonContext : JsonSerializerContext;

internal sealed class EditKindConverter() : JsonStringEnumConverter<EditKind>(JsonNamingPolicy.CamelCase, allowIntegerValues: false);
