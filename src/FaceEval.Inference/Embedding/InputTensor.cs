using System.Runtime.CompilerServices;
using FaceEval.Core.Errors;
using FaceEval.Imaging;
using FaceEval.Inference.Models;

namespace FaceEval.Inference.Embedding;

/// <summary>Turns images into a model's float input: channel order, normalisation and layout from its <see cref="ModelInput"/>.</summary>
public static class InputTensor
{
    /// <summary>
    /// Writes one image as a tensor of <paramref name="width"/> x <paramref name="height"/> into
    /// <paramref name="destination"/> (ChannelCount * width * height floats). The image sits at the top
    /// left; pixels beyond it are black (0), padded the way OpenCV's detectors pad.
    /// </summary>
    // Hot per-pixel loop: compiled fully optimised at once; tiered JIT would run it unoptimised for the first images.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Write(RgbImage image, ModelInput input, int width, int height, Span<float> destination)
    {
        var channels = input.ChannelCount;
        var plane = width * height;
        if (destination.Length != channels * plane)
        {
            throw new FaceEvalException(ErrorKind.DimensionMismatch, $"tensor buffer of {destination.Length} floats does not hold {channels}x{height}x{width}");
        }

        Span<float> mean = stackalloc float[channels];
        Span<float> std = stackalloc float[channels];
        Coefficients(image, input, mean, std);

        var src = image.Pixels;
        var copyW = Math.Min(width, image.Width);
        var copyH = Math.Min(height, image.Height);
        var nchw = input.Layout == TensorLayout.Nchw;
        for (var c = 0; c < channels; c++)
        {
            // Source byte offset of tensor channel c within a pixel; grey uses the Rec. 601 luma below.
            var sc = input.Channels == ChannelOrder.Bgr ? 2 - c : c;
            var m = mean[c];
            var sd = std[c];
            var padValue = (0 - m) / sd; // a black pixel
            for (var y = 0; y < height; y++)
            {
                var row = y * width;
                var srcRow = y * image.Stride;
                for (var x = 0; x < width; x++)
                {
                    float value;
                    if (x < copyW && y < copyH)
                    {
                        var p = srcRow + 3 * x;
                        var v = input.Channels == ChannelOrder.Grey
                            ? 0.299f * src[p] + 0.587f * src[p + 1] + 0.114f * src[p + 2]
                            : src[p + sc];
                        value = (v - m) / sd;
                    }
                    else
                    {
                        value = padValue;
                    }

                    destination[nchw ? c * plane + row + x : (row + x) * channels + c] = value;
                }
            }
        }
    }

    /// <summary>
    /// Per tensor channel mean and std. Kept as (x - mean) / std rather than a fused multiply-add, so
    /// inputs are bit-identical to other front ends: int8 models with dynamic quantisation amplify
    /// last-bit differences.
    /// </summary>
    private static void Coefficients(RgbImage image, ModelInput input, Span<float> mean, Span<float> std)
    {
        if (input.Normalization == InputNormalization.Fixed)
        {
            input.Mean.AsSpan(0, mean.Length).CopyTo(mean);
            input.Std.AsSpan(0, std.Length).CopyTo(std);
            return;
        }

        // Per-image standardisation over all channels, as FaceNet-style models expect.
        double sum = 0, sumSq = 0;
        foreach (var b in image.Pixels)
        {
            sum += b;
            sumSq += (double)b * b;
        }

        var n = image.Pixels.Length;
        var mu = sum / n;
        var sigma = Math.Max(Math.Sqrt(Math.Max(sumSq / n - mu * mu, 0)), 1.0 / Math.Sqrt(n));
        mean.Fill((float)mu);
        std.Fill((float)sigma);
    }
}
