using System.Globalization;
using FaceEval.Core.Errors;
using FaceEval.Core.Snapshots;
using FaceEval.Imaging;
using FaceEval.Inference.Alignment;
using FaceEval.Inference.Models;
using FaceEval.Inference.Runtime;

namespace FaceEval.Inference.SnapshotBuilding;

/// <summary>
/// Adds one model's embeddings to a built snapshot from its stored crops, as a new snapshot whose
/// parent is the old one. A model with another alignment template gets the crop re-warped: the
/// face's landmarks are carried into the crop by the same similarity fit that made it, then aligned
/// to the model's template (so it is sampled twice; the original photos are not needed).
/// </summary>
public static class CropEmbedJob
{
    public const int BatchFaces = 64;

    /// <summary>Opens <paramref name="model"/> of models/models.json and runs <see cref="Run(string, ICropEmbedder, IReadOnlyList{AlignmentTemplate}, string, IProgress{double}?, CancellationToken)"/>.</summary>
    public static Snapshot Run(string snapshotDirectory, string model, string outDirectory, ComputeDevice device,
        IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        var catalog = ModelCatalog.Load();
        catalog.Get(model, ModelKind.Embedder);
        if (!Directory.Exists(snapshotDirectory))
        {
            throw new FaceEvalException(ErrorKind.FileNotFound, $"{snapshotDirectory}: no such snapshot directory");
        }

        using var set = ModelSet.Open(catalog, null, [model], device);
        return Run(snapshotDirectory, set.Embedders[0], catalog.Templates, outDirectory, progress, cancellation);
    }

    /// <param name="templates">Templates the crops may have been aligned to (the catalog's).</param>
    public static Snapshot Run(string snapshotDirectory, ICropEmbedder embedder, IReadOnlyList<AlignmentTemplate> templates, string outDirectory,
        IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        var snapshot = Snapshot.Load(snapshotDirectory);
        if (snapshot.Models.Contains(embedder.Name, StringComparer.OrdinalIgnoreCase))
        {
            throw new FaceEvalException(ErrorKind.Usage, $"snapshot {snapshot.Id} already has embeddings of '{embedder.Name}'");
        }

        if (!snapshot.FaceColumns.Contains(SnapshotLayout.CropColumn) || !snapshot.FaceColumns.Contains(SnapshotLayout.CropTemplateColumn))
        {
            throw new FaceEvalException(ErrorKind.InvalidData,
                $"snapshot {snapshot.Id} has no aligned crops (no '{SnapshotLayout.CropColumn}' column); only snapshots made by 'faceeval snapshot create' can be re-embedded");
        }

        var faces = snapshot.Faces;
        var values = new float[faces.Count * embedder.Dimension];
        for (var start = 0; start < faces.Count; start += BatchFaces)
        {
            cancellation.ThrowIfCancellationRequested();
            var batch = faces.Skip(start).Take(BatchFaces).Select(f => CropFor(snapshot, f, embedder.Template, templates)).ToList();
            embedder.Embed(batch).CopyTo(values, start * embedder.Dimension);
            progress?.Report((double)(start + batch.Count) / faces.Count);
        }

        var content = snapshot.ToContent($"faceeval embed: {embedder.Name} added to {snapshot.Id} from its crops");
        var embedding = new SnapshotEmbedding(embedder.Name, values, embedder.Dimension, $"faceeval embed: crops of {snapshot.Id}, template {embedder.Template.Name}");
        return SnapshotWriter.Write(content with { Embeddings = [.. content.Embeddings, embedding] }, outDirectory, cancellation);
    }

    private static RgbImage CropFor(Snapshot snapshot, Face face, AlignmentTemplate target, IReadOnlyList<AlignmentTemplate> templates)
    {
        var crop = ImageDecoder.Decode(Path.Combine(snapshot.Directory, face[SnapshotLayout.CropColumn]));
        var name = face[SnapshotLayout.CropTemplateColumn];
        if (name == target.Name && crop.Width == target.Width && crop.Height == target.Height)
        {
            return crop;
        }

        var source = templates.FirstOrDefault(t => t.Name == name)
            ?? throw new FaceEvalException(ErrorKind.UnknownName, $"face {face.Id}: crops were aligned to template '{name}', which models.json does not define");
        var landmarks = new float[10];
        for (var i = 0; i < 5; i++)
        {
            landmarks[2 * i] = Parse(face, $"lm{i}x");
            landmarks[2 * i + 1] = Parse(face, $"lm{i}y");
        }

        var toCrop = SimilarityTransform.Estimate(landmarks, source.Points);
        var inCrop = new float[10];
        for (var i = 0; i < 5; i++)
        {
            var (x, y) = toCrop.Apply(landmarks[2 * i], landmarks[2 * i + 1]);
            (inCrop[2 * i], inCrop[2 * i + 1]) = ((float)x, (float)y);
        }

        return FaceAligner.Align(crop, inCrop, target);
    }

    private static float Parse(Face face, string column) =>
        float.TryParse(face[column], NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new FaceEvalException(ErrorKind.InvalidData, $"face {face.Id}: '{face[column]}' in {column} is not a number");
}
