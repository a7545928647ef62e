using System.Runtime.CompilerServices;
namespace FaceEval.Imaging;

/// <summary>Bilinear resizing with half-pixel centres (the convention of OpenCV's INTER_LINEAR).</summary>
public static class ImageResizer
{
    // Hot per-pixel loop: compiled fully optimised at once; tiered JIT would run it unoptimised for the first images.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static RgbImage Resize(RgbImage image, int width, int height)
    {
        if (width == image.Width && height == image.Height)
        {
            return image;
        }

        var src = image.Pixels;
        var dst = new byte[width * height * 3];
        double sx = (double)image.Width / width, sy = (double)image.Height / height;
        for (var v = 0; v < height; v++)
        {
            var y = Math.Clamp((v + 0.5) * sy - 0.5, 0, image.Height - 1);
            var y0 = (int)y;
            var y1 = Math.Min(y0 + 1, image.Height - 1);
            var fy = y - y0;
            for (var u = 0; u < width; u++)
            {
                var x = Math.Clamp((u + 0.5) * sx - 0.5, 0, image.Width - 1);
                var x0 = (int)x;
                var x1 = Math.Min(x0 + 1, image.Width - 1);
                var fx = x - x0;
                var d = (v * width + u) * 3;
                for (var c = 0; c < 3; c++)
                {
                    var top = src[y0 * image.Stride + x0 * 3 + c] * (1 - fx) + src[y0 * image.Stride + x1 * 3 + c] * fx;
                    var bottom = src[y1 * image.Stride + x0 * 3 + c] * (1 - fx) + src[y1 * image.Stride + x1 * 3 + c] * fx;
                    dst[d + c] = (byte)Math.Round(top * (1 - fy) + bottom * fy);
                }
            }
        }

        return new RgbImage(width, height, dst);
    }
}
