using FaceEval.Core.Snapshots;

namespace FaceEval.Imaging;

/// <summary>
/// The one rule for cutting a face out of its photo, for every picture of a face we show (report
/// thumbnails, the labelling tool): a square centred on the box, its side <see cref="Scale"/> times the
/// box's longer side (the box plus a quarter of it on each side), moved rather than clipped to lie inside
/// the photo, and at most the photo's shorter side.
/// </summary>
/// <remarks>
/// Square because both viewers show faces in square cells and a snapshot's stored crops are square
/// aligned faces: a box-shaped cut would be squashed by the report's square thumbnail or letterboxed in
/// the labelling tool. Moved rather than clipped, so a face at the photo's edge keeps the same framing
/// size as any other.
/// </remarks>
public static class FaceCrop
{
    public const double Scale = 1.5;

    /// <summary>The square's left, top and side in <paramref name="photoWidth"/> x <paramref name="photoHeight"/> pixels.</summary>
    public static (int Left, int Top, int Side) Square(int photoWidth, int photoHeight, FaceBox box)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(photoWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(photoHeight);
        // Clamped as doubles first: a box from a damaged faces.csv may be far larger than any int.
        var side = (int)Math.Round(Math.Clamp(Scale * Math.Max(box.W, box.H), 1, Math.Min(photoWidth, photoHeight)));
        var left = (int)Math.Round(Math.Clamp(box.X + box.W / 2 - side / 2.0, 0, photoWidth - side));
        var top = (int)Math.Round(Math.Clamp(box.Y + box.H / 2 - side / 2.0, 0, photoHeight - side));
        return (left, top, side);
    }

    public static RgbImage Cut(RgbImage photo, FaceBox box)
    {
        ArgumentNullException.ThrowIfNull(photo);
        var (left, top, side) = Square(photo.Width, photo.Height, box);
        return photo.Crop(left, top, side, side);
    }
}
