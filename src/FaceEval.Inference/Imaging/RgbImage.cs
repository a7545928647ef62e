using FaceEval.Core.Errors;

namespace FaceEval.Inference.Imaging;

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
}
