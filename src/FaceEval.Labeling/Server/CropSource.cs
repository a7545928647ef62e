using FaceEval.Core.Snapshots;
using FaceEval.Imaging;

namespace FaceEval.Labeling.Server;

/// <summary>
/// A face's picture, found by face row only: the snapshot's stored crop (<see cref="Snapshot.CropPath"/>),
/// else the face cut from its photo by <see cref="FaceCrop"/> (<see cref="Snapshot.PhotoPath"/>). Paths come from
/// the snapshot, never from a request, and the snapshot confines them to their folders.
/// </summary>
internal sealed class CropSource(Snapshot snapshot)
{
    private const int PhotoSide = 480;

    public (byte[] Bytes, string ContentType)? Get(int face)
    {
        if (snapshot.CropPath(face) is { } crop)
        {
            return (File.ReadAllBytes(crop), ContentType(crop));
        }

        return Picture(face, (image, box) => JpegEncoder.Encode(FaceCrop.Cut(image, box), quality: 90)) is { } cut ? (cut, "image/jpeg") : null;
    }

    /// <summary>
    /// The whole photo, at most 480 px on its long side, with the face box drawn in: where the face sits.
    /// Null without an images root, a <c>file</c> column or a box.
    /// </summary>
    public byte[]? Photo(int face) => Picture(face, (image, box) =>
    {
        var scale = Math.Min(1.0, (double)PhotoSide / Math.Max(image.Width, image.Height));
        var small = scale < 1 ? ImageResizer.Resize(image, Math.Max(1, (int)(image.Width * scale)), Math.Max(1, (int)(image.Height * scale))) : image;
        DrawBox(small, new FaceBox(box.X * scale, box.Y * scale, box.W * scale, box.H * scale));
        return JpegEncoder.Encode(small, quality: 85);
    });

    /// <summary>Something made from the face's photo and box; null when either is missing or the photo cannot be read.</summary>
    private byte[]? Picture(int face, Func<RgbImage, FaceBox, byte[]> make)
    {
        if (snapshot.PhotoPath(face) is not { } photo || !FaceBox.TryRead(snapshot.Faces[face], out var box))
        {
            return null;
        }

        try
        {
            return make(ImageDecoder.Decode(photo), box);
        }
        catch (Exception ex) when (ex is FaceEval.Core.Errors.FaceEvalException or IOException or DllNotFoundException)
        {
            return null;
        }
    }

    private static void DrawBox(RgbImage image, FaceBox box)
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
