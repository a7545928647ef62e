namespace FaceEval.Inference.Models;

/// <summary>One entry of models/models.json.</summary>
public sealed record ModelSpec
{
    public string Name { get; init; } = "";

    public ModelKind Kind { get; init; }

    /// <summary>The default model of its kind.</summary>
    public bool Default { get; init; }

    /// <summary>File name inside the models folder.</summary>
    public string File { get; init; } = "";

    /// <summary>Lower-case hex; null for profiles whose files users bring themselves.</summary>
    public string? Sha256 { get; init; }

    /// <summary>Where set-up copies the file from, first that works: a path relative to the repository, npm:pkg@version/path, or a URL.</summary>
    public string[] Sources { get; init; } = [];

    public string Licence { get; init; } = "";

    public ModelInput Input { get; init; } = new();

    /// <summary>Output tensor names in the order the decoder reads them; empty means the model's first output.</summary>
    public string[] Outputs { get; init; } = [];

    public DetectorFamily? Family { get; init; }

    /// <summary>For detectors without their own landmarks: the landmark model that supplies them.</summary>
    public string? LandmarkModel { get; init; }

    public int? EmbeddingDimension { get; init; }

    /// <summary>Name of the alignment template, for embedders.</summary>
    public string? Template { get; init; }
}
