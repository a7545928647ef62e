using FaceEval.Core.Errors;

namespace FaceEval.Imaging;

/// <summary>8-bit RGB pixels, interleaved, rows top to bottom with no padding (stride = 3 * Width).</summary>
public sealed class RgbImage
{
    public RgbImage(int width, int height, byte[] pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        if (width <= 0 || height <= 0 || pixels.LongLength != 3L * width * height)
        {
            throw new FaceEvalException(ErrorKind.DimensionMismatch, $"{pixels.LongLength} bytes do not hold a {width}x{height} RGB image");
        }

        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] Pixels { get; }

    public int Stride => 3 * Width;

    public static RgbImage Blank(int width, int height) => new(width, height, new byte[3 * width * height]);

    /// <summary>A copy of the rectangle at (<paramref name="left"/>, <paramref name="top"/>), which must lie inside the image.</summary>
    public RgbImage Crop(int left, int top, int width, int height)
    {
        if (left < 0 || top < 0 || width <= 0 || height <= 0 || left + width > Width || top + height > Height)
        {
            throw new FaceEvalException(ErrorKind.DimensionMismatch, $"a {width}x{height} crop at ({left}, {top}) leaves the {Width}x{Height} image");
        }

        var crop = Blank(width, height);
        for (var row = 0; row < height; row++)
        {
            Array.Copy(Pixels, (top + row) * Stride + left * 3, crop.Pixels, row * crop.Stride, crop.Stride);
        }

        return crop;
    }
}
