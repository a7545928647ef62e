using FaceEval.Core.Errors;
using FaceEval.Inference.Layouts;

namespace FaceEval.Inference.SnapshotBuilding;

/// <param name="Workers">Threads decoding, detecting and aligning images side by side (the embedders run on one more); 0 = one fewer than the cores (at least one).</param>
/// <param name="BatchSize">Faces per embedding batch.</param>
/// <param name="Settings">Free text naming whatever else must match for a resume (detector thresholds, device ...).</param>
public sealed record SnapshotBuildOptions(
    string ImagesDirectory,
    LayoutKind Layout,
    string OutDirectory,
    string? LabelsCsv = null,
    string? RelationsCsv = null,
    SubjectFilterOptions? Filter = null,
    int Workers = 0,
    int BatchSize = 32,
    int JpegQuality = 95,
    string Settings = "")
{
    public SubjectFilterOptions EffectiveFilter => Filter ?? SubjectFilterOptions.Default;

    public int EffectiveWorkers => Workers > 0 ? Workers : Math.Max(1, Environment.ProcessorCount - 1);

    /// <summary>Where unfinished work is kept: a folder beside the output.</summary>
    public string PartialDirectory => Path.GetFullPath(OutDirectory.TrimEnd('/', '\\')) + ".partial";

    public void Validate()
    {
        EffectiveFilter.Validate();
        if (Workers < 0 || BatchSize < 1 || JpegQuality is < 1 or > 100)
        {
            throw new FaceEvalException(ErrorKind.Usage, $"workers must be >= 0, batch size >= 1 and JPEG quality 1..100 (got {Workers}, {BatchSize}, {JpegQuality})");
        }

        if (!Enum.IsDefined(Layout))
        {
            throw new FaceEvalException(ErrorKind.Usage, $"unknown layout {(int)Layout}");
        }
    }
}
