using FaceEval.Core.Errors;
using FaceEval.Core.Snapshots;
using FaceEval.Imaging;
using FaceEval.Reports.Document;

namespace FaceEval.Reports.Crops;

/// <summary>
/// Small face crops for a report, embedded as base64 JPEG. From the snapshot's <c>crops/&lt;face_id&gt;.jpg</c>
/// (or .jpeg/.png) when present; otherwise cut from the photo under the snapshot's images root (faces.csv
/// <c>file</c>, box <c>x,y,w,h</c>) by <see cref="FaceCrop"/>, resized.
/// </summary>
public static class CropExtractor
{
    public const int Size = 64;
    public const int Quality = 80;

    /// <summary>Why no crop of <paramref name="snapshot"/> can be shown, or null when some can.</summary>
    public static string? WhyNone(Snapshot snapshot)
    {
        var (hasCrops, canCut) = Sources(snapshot);
        if (hasCrops || canCut)
        {
            return null;
        }

        var root = snapshot.ImagesRoot;
        var why = root is null ? "the snapshot records no images root"
            : !Directory.Exists(root) ? $"its images root {root} is not here"
            : "faces.csv has no file and x,y,w,h columns";
        return $"the snapshot has no crops/ folder and {why}";
    }

    public static CropSet Extract(Snapshot snapshot, IEnumerable<int> faces)
    {
        var wanted = faces.Distinct().Order().ToArray();
        var (hasCrops, canCut) = Sources(snapshot);
        var root = snapshot.ImagesRoot;
        if (WhyNone(snapshot) is { } none)
        {
            return CropSet.None($"No face crops: {none}.");
        }

        var images = new Dictionary<int, string>();
        var failed = 0;
        var gate = new object();
        Parallel.ForEach(wanted, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, face =>
        {
            var uri = TryCrop(snapshot, face, hasCrops, canCut);
            lock (gate)
            {
                if (uri is null)
                {
                    failed++;
                }
                else
                {
                    images[face] = uri;
                }
            }
        });

        var source = hasCrops ? "the snapshot's crops/ folder" : $"photos under {root}";
        var status = $"Face crops: {images.Count} of {wanted.Length} faces shown in this report, {Size} px JPEG, from {source}"
            + (failed > 0 ? $"; {failed} could not be read." : ".");
        return new CropSet(status, images);
    }

    private static (bool HasCrops, bool CanCut) Sources(Snapshot snapshot)
    {
        var root = snapshot.ImagesRoot;
        return (Directory.Exists(Path.Combine(snapshot.Directory, SnapshotLayout.CropsFolder)),
            root is not null && Directory.Exists(root)
            && snapshot.FaceColumns.Contains(SnapshotLayout.FileColumn) && SnapshotLayout.BoxColumns.All(snapshot.FaceColumns.Contains));
    }

    private static string? TryCrop(Snapshot snapshot, int face, bool hasCrops, bool canCut)
    {
        try
        {
            if (hasCrops && snapshot.CropPath(face) is { } crop)
            {
                return Encode(ImageResizer.Resize(ImageDecoder.Decode(crop), Size, Size));
            }

            return canCut && snapshot.PhotoPath(face) is { } photo && FaceBox.TryRead(snapshot.Faces[face], out var box)
                ? Encode(ImageResizer.Resize(FaceCrop.Cut(ImageDecoder.Decode(photo), box), Size, Size))
                : null;
        }
        catch (Exception e) when (e is FaceEvalException or IOException or DllNotFoundException)
        {
            return null;
        }
    }

    private static string Encode(RgbImage image) =>
        "data:image/jpeg;base64," + Convert.ToBase64String(JpegEncoder.Encode(image, Quality, chromaSubsampling: true));
}
