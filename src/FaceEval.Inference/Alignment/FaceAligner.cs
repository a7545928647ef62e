using FaceEval.Core.Errors;
using FaceEval.Inference.Imaging;
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
                for (var c = 0; c < 3; c++)
                {
                    double Sample(int sx, int sy) => sx >= 0 && sy >= 0 && sx < w && sy < h ? src[sy * stride + sx * 3 + c] : 0;
                    var top = Sample(x0, y0) * (1 - fx) + Sample(x0 + 1, y0) * fx;
                    var bottom = Sample(x0, y0 + 1) * (1 - fx) + Sample(x0 + 1, y0 + 1) * fx;
                    dst[d + c] = (byte)Math.Clamp(Math.Round(top * (1 - fy) + bottom * fy), 0, 255);
                }
            }
        }

        return new RgbImage(width, height, dst);
    }
}
