using System.Globalization;
using FaceEval.Core.Snapshots;
using FaceEval.Inference.Imaging;

namespace FaceEval.Labeling.Server;

/// <summary>
/// A face's picture, found by face row only: the snapshot's stored crop (the <c>crop</c> column, which
/// must resolve inside <c>crops/</c>), else the face box (x, y, w, h plus a margin) cut from the photo in
/// the <c>file</c> column under the images root. Paths come from the snapshot, never from a request,
/// and are still confined to their folders.
/// </summary>
internal sealed class CropSource(Snapshot snapshot)
{
    private const double Margin = 0.25;
    private const int PhotoSide = 480;

    public (byte[] Bytes, string ContentType)? Get(int face)
    {
        var row = snapshot.Faces[face];
        if (row.TryGetValue("crop", out var crop) && crop.Length > 0)
        {
            var path = Inside(Path.Combine(snapshot.Directory, "crops"), Path.Combine(snapshot.Directory, crop));
            if (path is not null && File.Exists(path))
            {
                return (File.ReadAllBytes(path), ContentType(path));
            }
        }

        if (snapshot.ImagesRoot is null || !row.TryGetValue("file", out var file) || file.Length == 0 || !TryBox(row, out var box))
        {
            return null;
        }

        var photo = Inside(snapshot.ImagesRoot, Path.Combine(snapshot.ImagesRoot, file));
        if (photo is null || !File.Exists(photo))
        {
            return null;
        }

        try
        {
            return (JpegEncoder.Encode(Cut(ImageDecoder.Decode(photo), box), quality: 90), "image/jpeg");
        }
        catch (Exception ex) when (ex is FaceEval.Core.Errors.FaceEvalException or IOException or DllNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// The whole photo, at most 480 px on its long side, with the face box drawn in: where the face sits.
    /// Null without an images root, a <c>file</c> column or a box.
    /// </summary>
    public byte[]? Photo(int face)
    {
        var row = snapshot.Faces[face];
        if (snapshot.ImagesRoot is null || !row.TryGetValue("file", out var file) || file.Length == 0 || !TryBox(row, out var box))
        {
            return null;
        }

        var path = Inside(snapshot.ImagesRoot, Path.Combine(snapshot.ImagesRoot, file));
        if (path is null || !File.Exists(path))
        {
            return null;
        }

        try
        {
            var image = ImageDecoder.Decode(path);
            var scale = Math.Min(1.0, (double)PhotoSide / Math.Max(image.Width, image.Height));
            var small = scale < 1 ? ImageResizer.Resize(image, Math.Max(1, (int)(image.Width * scale)), Math.Max(1, (int)(image.Height * scale))) : image;
            DrawBox(small, (box.X * scale, box.Y * scale, box.W * scale, box.H * scale));
            return JpegEncoder.Encode(small, quality: 85);
        }
        catch (Exception ex) when (ex is FaceEval.Core.Errors.FaceEvalException or IOException or DllNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The full path when it lies strictly inside <paramref name="root"/>, else null.</summary>
    internal static string? Inside(string root, string path)
    {
        var fullRoot = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(path);
        return full.StartsWith(fullRoot, StringComparison.Ordinal) ? full : null;
    }

    private static bool TryBox(Face face, out (double X, double Y, double W, double H) box)
    {
        box = default;
        double Read(string column) =>
            face.TryGetValue(column, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN;
        box = (Read("x"), Read("y"), Read("w"), Read("h"));
        return double.IsFinite(box.X) && double.IsFinite(box.Y) && box.W > 0 && box.H > 0;
    }

    private static RgbImage Cut(RgbImage image, (double X, double Y, double W, double H) box)
    {
        var left = Math.Clamp((int)Math.Floor(box.X - Margin * box.W), 0, image.Width - 1);
        var top = Math.Clamp((int)Math.Floor(box.Y - Margin * box.H), 0, image.Height - 1);
        var right = Math.Clamp((int)Math.Ceiling(box.X + (1 + Margin) * box.W), left + 1, image.Width);
        var bottom = Math.Clamp((int)Math.Ceiling(box.Y + (1 + Margin) * box.H), top + 1, image.Height);
        var cut = RgbImage.Blank(right - left, bottom - top);
        for (var y = 0; y < cut.Height; y++)
        {
            Array.Copy(image.Pixels, ((top + y) * image.Width + left) * 3, cut.Pixels, y * cut.Stride, cut.Stride);
        }

        return cut;
    }

    private static void DrawBox(RgbImage image, (double X, double Y, double W, double H) box)
    {
        var left = Math.Clamp((int)box.X, 0, image.Width - 1);
        var top = Math.Clamp((int)box.Y, 0, image.Height - 1);
        var right = Math.Clamp((int)(box.X + box.W), left, image.Width - 1);
        var bottom = Math.Clamp((int)(box.Y + box.H), top, image.Height - 1);
        for (var t = 0; t < 2; t++)
        {
            for (var x = left; x <= right; x++)
            {
                Paint(image, x, Math.Min(top + t, bottom));
                Paint(image, x, Math.Max(bottom - t, top));
            }

            for (var y = top; y <= bottom; y++)
            {
                Paint(image, Math.Min(left + t, right), y);
                Paint(image, Math.Max(right - t, left), y);
            }
        }
    }

    private static void Paint(RgbImage image, int x, int y)
    {
        var i = y * image.Stride + 3 * x;
        (image.Pixels[i], image.Pixels[i + 1], image.Pixels[i + 2]) = ((byte)245, (byte)124, (byte)0);
    }

    private static string ContentType(string path) =>
        Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".png" => "image/png",
            ".webp" => "image/webp",
            _ => "image/jpeg",
        };
}
