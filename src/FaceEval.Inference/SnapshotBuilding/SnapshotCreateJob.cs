using System.Globalization;
using FaceEval.Core.Errors;
using FaceEval.Inference.Detection;
using FaceEval.Inference.Models;
using FaceEval.Inference.Runtime;

namespace FaceEval.Inference.SnapshotBuilding;

/// <summary><c>faceeval snapshot create</c>: opens the named models of models/models.json and runs <see cref="SnapshotBuilder"/>.</summary>
public static class SnapshotCreateJob
{
    public static SnapshotBuildResult Run(SnapshotBuildOptions options, string detector, IReadOnlyList<string> models, ComputeDevice device,
        DetectorOptions? detectorOptions = null, IProgress<BuildProgress>? progress = null, CancellationToken cancellation = default)
    {
        options.Validate();
        if (!Directory.Exists(options.ImagesDirectory))
        {
            throw new FaceEvalException(ErrorKind.FileNotFound, $"{options.ImagesDirectory}: no such images directory");
        }

        detectorOptions ??= DetectorOptions.Default;
        detectorOptions.Validate();
        var catalog = ModelCatalog.Load();
        using var set = ModelSet.Open(catalog, detector, models, device, detectorOptions, options.BatchSize);
        var settings = string.Create(CultureInfo.InvariantCulture,
            $"detector score>={detectorOptions.ScoreThreshold} nms {detectorOptions.NmsThreshold} max side {detectorOptions.MaxSide}");
        return SnapshotBuilder.Build(options with { Settings = settings }, set.Finder!, set.Embedders, progress, cancellation);
    }
}
