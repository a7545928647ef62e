using System.Runtime.CompilerServices;
using FaceEval.Core.Errors;
using FaceEval.Imaging;
using FaceEval.Inference.Models;

namespace FaceEval.Inference.Alignment;

/// <summary>Warps a face onto a model's alignment template: 5-point similarity fit, bilinear sampling.</summary>
public static class FaceAligner
{
    /// <summary>The crop (template size) in which <paramref name="landmarks"/> (x0, y0 .. x4, y4, image pixels) best match the template.</summary>
    public static RgbImage Align(RgbImage image, ReadOnlySpan<float> landmarks, AlignmentTemplate template)
    {
        if (landmarks.Length != template.Points.Length)
        {
            throw new FaceEvalException(ErrorKind.DimensionMismatch, $"{landmarks.Length / 2} landmarks for a {template.Points.Length / 2}-point template");
        }

        var toCrop = SimilarityTransform.Estimate(landmarks, template.Points);
        return Warp(image, toCrop, template.Width, template.Height);
    }

    /// <summary>
    /// Output pixel (u, v) takes the bilinear sample of the image at <c>imageToCrop⁻¹(u, v)</c>, pixel
    /// centres at integer coordinates (as OpenCV's warpAffine); samples outside the image are black.
    /// </summary>
    // Hot per-pixel loop: compiled fully optimised at once; tiered JIT would run it unoptimised for the first images.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static RgbImage Warp(RgbImage image, SimilarityTransform imageToCrop, int width, int height)
    {
        var inverse = imageToCrop.Inverse();
        var src = image.Pixels;
        int w = image.Width, h = image.Height, stride = image.Stride;
        var dst = new byte[width * height * 3];
        for (var v = 0; v < height; v++)
        {
            for (var u = 0; u < width; u++)
            {
                var (x, y) = inverse.Apply(u, v);
                var x0 = (int)Math.Floor(x);
                var y0 = (int)Math.Floor(y);
                var fx = x - x0;
                var fy = y - y0;
                var d = (v * width + u) * 3;

                // Byte offsets of the four neighbours, -1 outside the image (sampled as black).
                var o00 = Offset(x0, y0, w, h, stride);
                var o10 = Offset(x0 + 1, y0, w, h, stride);
                var o01 = Offset(x0, y0 + 1, w, h, stride);
                var o11 = Offset(x0 + 1, y0 + 1, w, h, stride);
                for (var c = 0; c < 3; c++)
                {
                    double s00 = o00 < 0 ? 0 : src[o00 + c], s10 = o10 < 0 ? 0 : src[o10 + c];
                    double s01 = o01 < 0 ? 0 : src[o01 + c], s11 = o11 < 0 ? 0 : src[o11 + c];
                    var top = s00 * (1 - fx) + s10 * fx;
                    var bottom = s01 * (1 - fx) + s11 * fx;
                    dst[d + c] = (byte)Math.Clamp(Math.Round(top * (1 - fy) + bottom * fy), 0, 255);
                }
            }
        }

        return new RgbImage(width, height, dst);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Offset(int x, int y, int w, int h, int stride) => x >= 0 && y >= 0 && x < w && y < h ? y * stride + x * 3 : -1;
}
