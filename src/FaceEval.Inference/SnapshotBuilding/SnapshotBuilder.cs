using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using FaceEval.Core.Errors;
using FaceEval.Core.Snapshots;
using FaceEval.Imaging;
using FaceEval.Inference.Alignment;
using FaceEval.Inference.Layouts;

namespace FaceEval.Inference.SnapshotBuilding;

/// <summary>
/// Photos to a frozen snapshot: decode, detect, pick the subject, filter, align, embed with every
/// model, store the crops (aligned to the first model's template) as JPEG. Workers decode, detect and
/// align images side by side and hand them through a bounded queue to the calling thread, which
/// embeds them in batches and appends them to the journal in &lt;out&gt;.partial/. A rerun after an
/// interruption skips the images the journal holds; the snapshot is written only at the end and
/// the partial folder removed.
/// </summary>
public static class SnapshotBuilder
{
    public static SnapshotBuildResult Build(SnapshotBuildOptions options, IFaceFinder finder, IReadOnlyList<ICropEmbedder> embedders,
        IProgress<BuildProgress>? progress = null, CancellationToken cancellation = default)
    {
        options.Validate();
        if (embedders.Count == 0)
        {
            throw new FaceEvalException(ErrorKind.Usage, "at least one embedding model is needed");
        }

        if (embedders.Select(e => e.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() != embedders.Count)
        {
            throw new FaceEvalException(ErrorKind.Usage, "each model may be given once");
        }

        var output = Path.GetFullPath(options.OutDirectory.TrimEnd('/', '\\'));
        if (File.Exists(output) || (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any()))
        {
            throw new FaceEvalException(ErrorKind.Io, $"{output} exists and is not empty; snapshots are never written into an existing directory, choose a new one");
        }

        var root = Path.GetFullPath(options.ImagesDirectory);
        var scan = DatasetLayout.Scan(root, options.Layout, options.LabelsCsv, options.RelationsCsv);
        var header = Header(options, finder, embedders);

        using (var journal = BuildJournal.Open(options.PartialDirectory, header))
        {
            var pending = scan.Entries.Where(e => !journal.Records.ContainsKey(e.File)).ToList();
            var resumed = scan.Entries.Count - pending.Count;
            progress?.Report(new BuildProgress(resumed, scan.Entries.Count));
            Process(root, pending, options, finder, embedders, journal, resumed, scan.Entries.Count, progress, cancellation);
            var result = Finish(options, root, scan, journal, finder, embedders, output, cancellation);
            return result with { Resumed = resumed, Processed = pending.Count };
        }
    }

    private static void Process(string root, List<PhotoEntry> pending, SnapshotBuildOptions options, IFaceFinder finder,
        IReadOnlyList<ICropEmbedder> embedders, BuildJournal journal, int done, int total, IProgress<BuildProgress>? progress, CancellationToken cancellation)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        using var queue = new BlockingCollection<PreparedImage>(boundedCapacity: Math.Max(8, options.BatchSize));
        var producer = Task.Run(() =>
        {
            try
            {
                Parallel.ForEach(Partitioner.Create(pending, EnumerablePartitionerOptions.NoBuffering),
                    new ParallelOptions { MaxDegreeOfParallelism = options.EffectiveWorkers, CancellationToken = stop.Token },
                    entry => queue.Add(Prepare(root, entry, finder, embedders, options), stop.Token));
            }
            finally
            {
                queue.CompleteAdding();
            }
        });

        var batch = new List<PreparedImage>();
        var faces = 0;
        try
        {
            foreach (var image in queue.GetConsumingEnumerable(stop.Token))
            {
                batch.Add(image);
                faces += image.Faces.Count;
                if (faces >= options.BatchSize || queue.Count == 0)
                {
                    done += Flush(batch, embedders, journal);
                    progress?.Report(new BuildProgress(done, total));
                    batch.Clear();
                    faces = 0;
                    stop.Token.ThrowIfCancellationRequested();
                }
            }

            done += Flush(batch, embedders, journal);
            progress?.Report(new BuildProgress(done, total));
        }
        catch
        {
            stop.Cancel();
            try
            {
                producer.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
                // The consumer's own exception is the one to report.
            }

            throw;
        }

        try
        {
            producer.Wait(CancellationToken.None);
        }
        catch (AggregateException e)
        {
            var inner = e.Flatten().InnerExceptions;
            throw inner.FirstOrDefault(x => x is FaceEvalException) ?? inner.FirstOrDefault(x => x is not OperationCanceledException) ?? inner[0];
        }

        cancellation.ThrowIfCancellationRequested();
    }

    private static PreparedImage Prepare(string root, PhotoEntry entry, IFaceFinder finder, IReadOnlyList<ICropEmbedder> embedders, SnapshotBuildOptions options)
    {
        var removed = new int[Enum.GetValues<FilterReason>().Length];
        RgbImage image;
        var path = Path.Combine(root, entry.File);
        try
        {
            image = ImageDecoder.Decode(path);
        }
        catch (FaceEvalException e) when (e.Kind is ErrorKind.InvalidData or ErrorKind.FileNotFound or ErrorKind.Io)
        {
            return new PreparedImage(entry, $"{entry.File}: {e.Message.Replace(path + ": ", "").ReplaceLineEndings(" ")}", [], removed);
        }

        var filter = options.EffectiveFilter;
        var detections = finder.Find(image);
        var subject = SubjectRule.Pick(detections, image.Width, image.Height);
        var kept = new List<PreparedFace>();
        for (var i = 0; i < detections.Count; i++)
        {
            var face = detections[i];
            var reason = SubjectFilter.CheckBox(face, image.Width, image.Height, filter);
            if (reason != FilterReason.Kept)
            {
                removed[(int)reason]++;
                continue;
            }

            var crops = new RgbImage[embedders.Count];
            crops[0] = FaceAligner.Align(image, face.Landmarks, embedders[0].Template);
            var sharpness = SubjectFilter.Sharpness(crops[0]);
            reason = SubjectFilter.CheckCrop(sharpness, filter);
            if (reason != FilterReason.Kept)
            {
                removed[(int)reason]++;
                continue;
            }

            for (var m = 1; m < embedders.Count; m++)
            {
                var same = Array.FindIndex(embedders.Take(m).ToArray(), e => e.Template == embedders[m].Template);
                crops[m] = same >= 0 ? crops[same] : FaceAligner.Align(image, face.Landmarks, embedders[m].Template);
            }

            kept.Add(new PreparedFace(face, i == subject, sharpness, crops, JpegEncoder.Encode(crops[0], options.JpegQuality)));
        }

        return new PreparedImage(entry, null, kept, removed);
    }

    /// <returns>Images flushed.</returns>
    private static int Flush(List<PreparedImage> batch, IReadOnlyList<ICropEmbedder> embedders, BuildJournal journal)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        var faces = batch.SelectMany(b => b.Faces).ToList();
        var rows = embedders.Select((e, m) => faces.Count == 0 ? [] : e.Embed(faces.Select(f => f.Crops[m]).ToList())).ToArray();
        var k = 0;
        foreach (var image in batch)
        {
            var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(image.Entry.File)))[..20];
            var records = new List<FaceRecord>();
            for (var j = 0; j < image.Faces.Count; j++, k++)
            {
                var f = image.Faces[j];
                var crop = $"{key}_{j}.jpg";
                File.WriteAllBytes(Path.Combine(journal.CropsDirectory, crop), f.Jpeg);
                var vectors = new Dictionary<string, byte[]>(StringComparer.Ordinal);
                for (var m = 0; m < embedders.Count; m++)
                {
                    var d = embedders[m].Dimension;
                    vectors[embedders[m].Name] = MemoryMarshal.AsBytes(rows[m].AsSpan(k * d, d)).ToArray();
                }

                var box = f.Face;
                records.Add(new FaceRecord(box.X, box.Y, box.Width, box.Height, box.Score, box.Landmarks, f.Subject, f.Sharpness, crop, vectors));
            }

            journal.Append(new ImageRecord(image.Entry.File, image.Error, records, image.Removed));
        }

        journal.Flush();
        return batch.Count;
    }

    private static SnapshotBuildResult Finish(SnapshotBuildOptions options, string root, LayoutScan scan, BuildJournal journal, IFaceFinder finder,
        IReadOnlyList<ICropEmbedder> embedders, string output, CancellationToken cancellation)
    {
        var staging = Path.Combine(journal.Directory, "snapshot-crops");
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        Directory.CreateDirectory(staging);
        var fiw = options.Layout == Layouts.LayoutKind.Fiw;
        var columns = FaceTable.Columns(fiw);
        var rows = new List<IReadOnlyList<string>>();
        var vectors = embedders.Select(_ => new List<float>()).ToArray();
        var failed = new List<string>();
        var removed = FilterCounts.Zero;
        var withoutFaces = 0;
        var template = embedders[0].Template.Name;
        foreach (var entry in scan.Entries)
        {
            cancellation.ThrowIfCancellationRequested();
            var record = journal.Records[entry.File];
            for (var r = 0; r < record.Removed.Length; r++)
            {
                for (var c = 0; c < record.Removed[r]; c++)
                {
                    removed = removed.Add((FilterReason)r);
                }
            }

            if (record.Error is not null)
            {
                failed.Add(record.Error);
                continue;
            }

            if (record.Faces.Count == 0)
            {
                withoutFaces++;
            }

            foreach (var face in record.Faces)
            {
                var id = rows.Count;
                var crop = $"{id.ToString(CultureInfo.InvariantCulture)}.jpg";
                File.Copy(Path.Combine(journal.CropsDirectory, face.Crop), Path.Combine(staging, crop));
                rows.Add(FaceTable.Row(id, face.Subject ? entry.Person : null, entry, face, fiw, SnapshotLayout.CropFile(crop), template));
                for (var m = 0; m < embedders.Count; m++)
                {
                    vectors[m].AddRange(MemoryMarshal.Cast<byte, float>(face.Embeddings[embedders[m].Name]).ToArray());
                }
            }
        }

        if (rows.Count == 0)
        {
            throw new FaceEvalException(ErrorKind.InvalidData, $"{root}: no face was found in {scan.Entries.Count} images ({failed.Count} could not be read); nothing to snapshot");
        }

        var people = rows.Select(r => r[1]).Where(p => p.Length > 0).ToHashSet(StringComparer.Ordinal);
        var relations = scan.Relations.Where(r => people.Contains(r.PersonA) && people.Contains(r.PersonB)).ToList();
        var warnings = scan.Warnings.ToList();
        if (relations.Count < scan.Relations.Count)
        {
            warnings.Add($"{scan.Relations.Count - relations.Count} relation(s) left out: a person has no labelled face");
        }

        var embeddings = embedders.Select((e, m) => new SnapshotEmbedding(e.Name, vectors[m].ToArray(), e.Dimension,
            $"faceeval snapshot create: detector {finder.Name}, template {e.Template.Name}")).ToArray();
        var content = new SnapshotContent(columns, rows, embeddings, relations, Header(options, finder, embedders))
        {
            ImagesRoot = root,
            CropsDirectory = staging,
        };
        var snapshot = SnapshotWriter.Write(content, output, cancellation);
        Directory.Delete(journal.Directory, recursive: true);
        return new SnapshotBuildResult(snapshot, scan.Entries.Count, 0, 0, failed, withoutFaces, rows.Count, removed, warnings);
    }

    private static string Header(SnapshotBuildOptions options, IFaceFinder finder, IReadOnlyList<ICropEmbedder> embedders)
    {
        var f = options.EffectiveFilter;
        return string.Create(CultureInfo.InvariantCulture,
            $"faceeval snapshot create: layout {options.Layout.ToString().ToLowerInvariant()}, detector {finder.Name}, models {string.Join(",", embedders.Select(e => e.Name))}, filter score>={f.MinScore} side>={f.MinPixels}px fraction>={f.MinFraction} sharpness>={f.MinSharpness}, jpeg {options.JpegQuality}{(options.Settings.Length > 0 ? ", " + options.Settings : "")}");
    }
}
