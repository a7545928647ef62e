using FaceEval.Imaging;

namespace FaceEval.Inference.Tests;

/// <summary>Deterministic test images; the formula is repeated in tools/fixtures/make_inference_fixtures.js.</summary>
internal static class SyntheticImages
{
    public static byte Pixel(int i, int x, int y, int c) => (byte)((x * (3 + i) + y * (5 + 2 * i) + c * 85 + ((x ^ y) & 15) * 7 + i * 31) & 255);

    public static RgbImage Make(int i, int width, int height)
    {
        var px = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    px[(y * width + x) * 3 + c] = Pixel(i, x, y, c);
                }
            }
        }

        return new RgbImage(width, height, px);
    }
}
