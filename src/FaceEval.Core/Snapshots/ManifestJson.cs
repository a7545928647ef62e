using System.Text.Json;
using System.Text.Json.Serialization;
using FaceEval.Core.IO;

namespace FaceEval.Core.Snapshots;

/// <summary>
/// manifest.json as text. Written with snake_case keys like every other file; manifests written before
/// that (camelCase: <c>formatVersion</c>, <c>imagesRoot</c>, ...) still read. The manifest is not one of
/// the hashed files, so its spelling never changes a snapshot's id.
/// </summary>
internal static class ManifestJson
{
    public static byte[] Write(SnapshotManifest manifest) => JsonSerializer.SerializeToUtf8Bytes(manifest, FormatJson.Indented.SnapshotManifest);

    /// <summary>Throws <see cref="JsonException"/> (or the converters' format errors) for text that is not a manifest.</summary>
    public static SnapshotManifest? Read(byte[] utf8) =>
        JsonKeys.HasTopLevel(utf8, "formatVersion")
            ? JsonSerializer.Deserialize(utf8, CamelCaseManifestJsonContext.Default.SnapshotManifest)
            : JsonSerializer.Deserialize(utf8, FormatJson.Compact.SnapshotManifest);
}

/// <summary>Reads manifests written before keys became snake_case; never used for writing.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(SnapshotManifest))]
internal sealed partial class CamelCaseManifestJsonContext : JsonSerializerContext;
