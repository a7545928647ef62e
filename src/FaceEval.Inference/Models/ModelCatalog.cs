using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using FaceEval.Core.Errors;
using FaceEval.Core.IO;

namespace FaceEval.Inference.Models;

/// <summary>
/// The validated contents of models/models.json: model profiles and alignment templates, looked up
/// by name. Files live in one models folder (models/ of the checkout unless told otherwise).
/// </summary>
public sealed partial class ModelCatalog
{
    public const string FileName = "models.json";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    private readonly Dictionary<string, ModelSpec> _models;
    private readonly Dictionary<string, AlignmentTemplate> _templates;

    private ModelCatalog(IReadOnlyList<ModelSpec> models, IReadOnlyList<AlignmentTemplate> templates, string modelsDirectory)
    {
        Models = models;
        Templates = templates;
        ModelsDirectory = modelsDirectory;
        _models = models.ToDictionary(m => m.Name, StringComparer.Ordinal);
        _templates = templates.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<ModelSpec> Models { get; }

    public IReadOnlyList<AlignmentTemplate> Templates { get; }

    /// <summary>Folder the model files are looked up in.</summary>
    public string ModelsDirectory { get; }

    /// <summary>
    /// Reads <paramref name="catalogPath"/> (default: models/models.json of the checkout); model files
    /// are looked up in <paramref name="modelsDirectory"/> (default: the catalog's folder).
    /// </summary>
    public static ModelCatalog Load(string? catalogPath = null, string? modelsDirectory = null)
    {
        if (catalogPath is null)
        {
            var root = RepositoryRoot.Find()
                ?? throw new FaceEvalException(ErrorKind.FileNotFound, $"no {RepositoryRoot.MarkerFile} above {AppContext.BaseDirectory}: pass the path of {FileName}");
            catalogPath = Path.Combine(root, "models", FileName);
        }

        if (!File.Exists(catalogPath))
        {
            throw new FaceEvalException(ErrorKind.FileNotFound, $"model catalog not found: {catalogPath}");
        }

        return Parse(File.ReadAllText(catalogPath), catalogPath, modelsDirectory ?? Path.GetDirectoryName(Path.GetFullPath(catalogPath))!);
    }

    public static ModelCatalog Parse(string json, string sourceName, string modelsDirectory)
    {
        CatalogFile? file;
        try
        {
            file = JsonSerializer.Deserialize<CatalogFile>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new FaceEvalException(ErrorKind.InvalidData, $"{sourceName}: {OneLine(e.Message)}", e);
        }

        if (file is null)
        {
            throw new FaceEvalException(ErrorKind.InvalidData, $"{sourceName}: empty model catalog");
        }

        var catalog = new ModelCatalog(file.Models ?? [], file.Templates ?? [], modelsDirectory);
        catalog.Validate(sourceName);
        return catalog;
    }

    /// <summary>The named model; <paramref name="kind"/> restricts the search. Unknown names list the valid ones.</summary>
    public ModelSpec Get(string name, ModelKind? kind = null)
    {
        if (_models.TryGetValue(name, out var spec) && (kind is null || spec.Kind == kind))
        {
            return spec;
        }

        var valid = Models.Where(m => kind is null || m.Kind == kind).Select(m => m.Name);
        var what = kind is null ? "model" : kind.Value.ToString().ToLowerInvariant();
        throw new FaceEvalException(ErrorKind.UnknownName, $"unknown {what} '{name}'; valid: {string.Join(", ", valid)}");
    }

    public ModelSpec Default(ModelKind kind) => Models.Single(m => m.Kind == kind && m.Default);

    public AlignmentTemplate Template(string name) =>
        _templates.TryGetValue(name, out var t)
            ? t
            : throw new FaceEvalException(ErrorKind.UnknownName, $"unknown alignment template '{name}'; valid: {string.Join(", ", _templates.Keys)}");

    /// <summary>The embedder's alignment template.</summary>
    public AlignmentTemplate TemplateFor(ModelSpec embedder) =>
        Template(embedder.Template ?? throw new FaceEvalException(ErrorKind.InvalidData, $"model '{embedder.Name}' has no alignment template"));

    /// <summary>Full path of the model's file, which must exist.</summary>
    public string PathOf(ModelSpec spec)
    {
        var path = Path.Combine(ModelsDirectory, spec.File);
        return File.Exists(path)
            ? path
            : throw new FaceEvalException(ErrorKind.FileNotFound,
                spec.Sha256 is null
                    ? $"model '{spec.Name}' needs {path}: bring that file yourself ({spec.Licence})"
                    : $"model '{spec.Name}' needs {path}: run ./setup.sh to fetch it");
    }

    private void Validate(string source)
    {
        void Fail(string message) => throw new FaceEvalException(ErrorKind.InvalidData, $"{source}: {message}");

        foreach (var t in Templates)
        {
            if (string.IsNullOrWhiteSpace(t.Name) || t.Width <= 0 || t.Height <= 0 || t.Points.Length != 10)
            {
                Fail($"template '{t.Name}' needs a name, a positive size and 10 coordinates");
            }
        }

        if (_templates.Count != Templates.Count)
        {
            Fail("template names must be unique");
        }

        if (_models.Count != Models.Count)
        {
            Fail("model names must be unique");
        }

        foreach (var m in Models)
        {
            var where = $"model '{m.Name}'";
            if (!NameRegex().IsMatch(m.Name))
            {
                Fail($"{where}: names are lower-case letters, digits and _");
            }

            if (string.IsNullOrWhiteSpace(m.File) || m.File != Path.GetFileName(m.File))
            {
                Fail($"{where}: file must be a plain file name");
            }

            if (m.Sha256 is not null && !ShaRegex().IsMatch(m.Sha256))
            {
                Fail($"{where}: sha256 must be 64 lower-case hex digits");
            }

            var input = m.Input;
            if (input.Width <= 0 || input.Height <= 0 || input.SizeMultiple <= 0)
            {
                Fail($"{where}: input width, height and sizeMultiple must be positive");
            }

            if (input.Normalization == InputNormalization.Fixed
                && (input.Mean.Length != input.ChannelCount || input.Std.Length != input.ChannelCount || input.Std.Any(s => s == 0)))
            {
                Fail($"{where}: mean and std need {input.ChannelCount} values, std non-zero");
            }

            switch (m.Kind)
            {
                case ModelKind.Detector when m.Family is null:
                    Fail($"{where}: a detector needs a family");
                    break;
                case ModelKind.Detector when m.LandmarkModel is { } lm && !(_models.TryGetValue(lm, out var l) && l.Kind == ModelKind.Landmarks):
                    Fail($"{where}: landmark model '{lm}' is not a landmarks entry");
                    break;
                case ModelKind.Embedder:
                    if (m.EmbeddingDimension is not > 0)
                    {
                        Fail($"{where}: an embedder needs a positive embeddingDimension");
                    }

                    if (m.Template is null || !_templates.TryGetValue(m.Template, out var template))
                    {
                        Fail($"{where}: unknown alignment template '{m.Template}'");
                    }
                    else if (template.Width != input.Width || template.Height != input.Height)
                    {
                        Fail($"{where}: template '{template.Name}' is {template.Width}x{template.Height} but the input is {input.Width}x{input.Height}");
                    }

                    break;
            }
        }

        foreach (var kind in new[] { ModelKind.Detector, ModelKind.Embedder })
        {
            if (Models.Count(m => m.Kind == kind && m.Default) != 1)
            {
                Fail($"exactly one {kind.ToString().ToLowerInvariant()} must be the default");
            }
        }
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    [GeneratedRegex("^[a-z0-9_]+$")]
    private static partial Regex NameRegex();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex ShaRegex();

    private sealed record CatalogFile(List<ModelSpec>? Models, List<AlignmentTemplate>? Templates);
}
