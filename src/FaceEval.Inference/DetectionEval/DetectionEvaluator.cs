using System.Collections.Concurrent;
using FaceEval.Core.Errors;
using FaceEval.Imaging;
using FaceEval.Inference.Detection;
using FaceEval.Inference.Layouts;
using FaceEval.Inference.Models;
using FaceEval.Inference.SnapshotBuilding;
using FaceEval.Inference.Runtime;

namespace FaceEval.Inference.DetectionEval;

/// <summary>Runs a detector over the photos of a truth CSV (photo, role, center_x, center_y, radius) and scores it with <see cref="DetectionMatcher"/>.</summary>
public static class DetectionEvaluator
{
    /// <summary>Radius bucket edges in pixels: [0,16), [16,32), [32,64), [64,128), [128,∞).</summary>
    public static readonly double[] BucketEdges = [0, 16, 32, 64, 128, double.PositiveInfinity];

    /// <summary>Opens <paramref name="detector"/> of models/models.json and evaluates it.</summary>
    public static DetectionEvaluation Evaluate(string imagesDirectory, string truthCsv, string detector, ComputeDevice device,
        DetectorOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        var catalog = ModelCatalog.Load();
        catalog.Get(detector, ModelKind.Detector);
        ReadTruth(truthCsv);
        using var set = ModelSet.Open(catalog, detector, [], device, options);
        return Evaluate(imagesDirectory, truthCsv, set.Finder!, 0, progress, cancellation);
    }

    public static DetectionEvaluation Evaluate(string imagesDirectory, string truthCsv, IFaceFinder finder, int workers = 0,
        IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        if (!Directory.Exists(imagesDirectory))
        {
            throw new FaceEvalException(ErrorKind.FileNotFound, $"{imagesDirectory}: no such images directory");
        }

        var truth = ReadTruth(truthCsv);
        var photos = truth.GroupBy(t => t.Photo, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var results = new ConcurrentDictionary<string, (int[] Match, int Detections, string? Error)>(StringComparer.Ordinal);
        var done = 0;
        Parallel.ForEach(photos, new ParallelOptions { MaxDegreeOfParallelism = workers > 0 ? workers : Environment.ProcessorCount, CancellationToken = cancellation }, group =>
        {
            var faces = group.ToList();
            try
            {
                var image = ImageDecoder.Decode(Path.Combine(imagesDirectory, group.Key));
                var detections = finder.Find(image);
                results[group.Key] = (DetectionMatcher.Match(faces, detections), detections.Count, null);
            }
            catch (FaceEvalException e) when (e.Kind is ErrorKind.InvalidData or ErrorKind.FileNotFound or ErrorKind.Io)
            {
                results[group.Key] = ([], 0, e.Message.ReplaceLineEndings(" "));
            }

            progress?.Report((double)Interlocked.Increment(ref done) / photos.Count);
        });

        int truthFaces = 0, detections = 0, matched = 0;
        var bucketFaces = new int[BucketEdges.Length - 1];
        var bucketFound = new int[BucketEdges.Length - 1];
        var skipped = new List<string>();
        foreach (var group in photos)
        {
            var (match, count, error) = results[group.Key];
            if (error is not null)
            {
                skipped.Add(error);
                continue;
            }

            detections += count;
            var faces = group.ToList();
            for (var i = 0; i < faces.Count; i++)
            {
                truthFaces++;
                var b = Array.FindLastIndex(BucketEdges, e => faces[i].Radius >= e);
                b = Math.Min(b, bucketFaces.Length - 1);
                bucketFaces[b]++;
                if (match[i] >= 0)
                {
                    matched++;
                    bucketFound[b]++;
                }
            }
        }

        var buckets = bucketFaces.Select((n, b) => new SizeBucket(BucketEdges[b], BucketEdges[b + 1], n, bucketFound[b])).ToList();
        return new DetectionEvaluation(finder.Name, photos.Count - skipped.Count, truthFaces, detections, matched, buckets, skipped);
    }

    public static List<TruthFace> ReadTruth(string path)
    {
        var rows = CsvRows.Read(path, "photo", "center_x", "center_y", "radius");
        var truth = rows.Select(r => new TruthFace(r["photo"], r.GetValueOrDefault("role") ?? "",
            CsvRows.Number(r, "center_x", path), CsvRows.Number(r, "center_y", path), CsvRows.Number(r, "radius", path))).ToList();
        if (truth.Count == 0)
        {
            throw new FaceEvalException(ErrorKind.InvalidData, $"{path}: no labelled faces");
        }

        if (truth.FirstOrDefault(t => t.Radius <= 0 || t.Photo.Length == 0) is { } bad)
        {
            throw new FaceEvalException(ErrorKind.InvalidData, $"{path}: face of '{bad.Photo}' needs a photo and a positive radius");
        }

        return truth;
    }
}
