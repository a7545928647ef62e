using System.Globalization;
using FaceEval.Core.Errors;
using FaceEval.Core.Snapshots;
using FaceEval.Inference.Imaging;
using FaceEval.Reports.Model;

namespace FaceEval.Reports.Crops;

/// <summary>
/// Small face crops for a report, embedded as base64 JPEG. From the snapshot's <c>crops/&lt;face_id&gt;.jpg</c>
/// (or .jpeg/.png) when present; otherwise cut from the photo under the snapshot's images root (faces.csv
/// <c>file</c>, box <c>x,y,w,h</c>): a square around the box, 20% larger than its longer side, resized.
/// </summary>
public static class CropExtractor
{
    public const int Size = 64;
    public const int Quality = 80;

    public static CropSet Extract(Snapshot snapshot, IEnumerable<int> faces)
    {
        var wanted = faces.Distinct().Order().ToArray();
        var cropsFolder = Path.Combine(snapshot.Directory, "crops");
        var hasCrops = Directory.Exists(cropsFolder);
        var root = snapshot.ImagesRoot;
        var canCut = root is not null && Directory.Exists(root)
            && snapshot.FaceColumns.Contains("file") && new[] { "x", "y", "w", "h" }.All(snapshot.FaceColumns.Contains);
        if (!hasCrops && !canCut)
        {
            var why = root is null ? "the snapshot records no images root"
                : !Directory.Exists(root) ? $"its images root {root} is not here"
                : "faces.csv has no file and x,y,w,h columns";
            return CropSet.None($"No face crops: the snapshot has no crops/ folder and {why}.");
        }

        var images = new Dictionary<int, string>();
        var failed = 0;
        var gate = new object();
        Parallel.ForEach(wanted, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, face =>
        {
            var uri = TryCrop(snapshot.Faces[face], cropsFolder, hasCrops, canCut ? root! : null);
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

    private static string? TryCrop(Face face, string cropsFolder, bool hasCrops, string? root)
    {
        try
        {
            if (hasCrops)
            {
                foreach (var ext in new[] { ".jpg", ".jpeg", ".png" })
                {
                    var file = Path.Combine(cropsFolder, face.Id + ext);
                    if (File.Exists(file))
                    {
                        return Encode(ImageResizer.Resize(ImageDecoder.Decode(file), Size, Size));
                    }
                }
            }

            if (root is null)
            {
                return null;
            }

            var photo = ImageDecoder.Decode(Path.Combine(root, face["file"]));
            var box = new[] { "x", "y", "w", "h" }.Select(c => double.Parse(face[c], CultureInfo.InvariantCulture)).ToArray();
            return Encode(Cut(photo, box[0], box[1], box[2], box[3]));
        }
        catch (Exception e) when (e is FaceEvalException or FormatException or IOException)
        {
            return null;
        }
    }

    /// <summary>A square of side 1.2 x max(w, h) centred on the box, clamped into the photo, resized to <see cref="Size"/>.</summary>
    internal static RgbImage Cut(RgbImage photo, double x, double y, double w, double h)
    {
        var side = Math.Max(1, (int)Math.Round(1.2 * Math.Max(w, h)));
        side = Math.Min(side, Math.Min(photo.Width, photo.Height));
        var left = Math.Clamp((int)Math.Round(x + w / 2 - side / 2.0), 0, photo.Width - side);
        var top = Math.Clamp((int)Math.Round(y + h / 2 - side / 2.0), 0, photo.Height - side);
        var pixels = new byte[side * side * 3];
        for (var row = 0; row < side; row++)
        {
            Array.Copy(photo.Pixels, (top + row) * photo.Stride + left * 3, pixels, row * side * 3, side * 3);
        }

        return ImageResizer.Resize(new RgbImage(side, side, pixels), Size, Size);
    }

    private static string Encode(RgbImage image) =>
        "data:image/jpeg;base64," + Convert.ToBase64String(JpegEncoder.Encode(image, Quality, chromaSubsampling: true));
}
