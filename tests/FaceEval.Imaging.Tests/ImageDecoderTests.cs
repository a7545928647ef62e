using System.Security.Cryptography;
using System.Text.Json;
using FaceEval.Core.Errors;

namespace FaceEval.Imaging.Tests;

public class ImageDecoderTests
{
    // Four solid 16x16 quadrants: red, green / blue, white. Solid 8x8-aligned blocks survive JPEG almost exactly.
    private static readonly byte[][] Quadrants = [[220, 30, 40], [30, 200, 50], [40, 60, 210], [250, 250, 250]];

    private static RgbImage QuadrantImage(int width = 32, int height = 32)
    {
        var px = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var q = Quadrants[(y < height / 2 ? 0 : 2) + (x < width / 2 ? 0 : 1)];
                q.CopyTo(px, (y * width + x) * 3);
            }
        }

        return new RgbImage(width, height, px);
    }

    private static void AssertColour(RgbImage image, int x, int y, byte[] expected, int tolerance)
    {
        var p = (y * image.Width + x) * 3;
        for (var c = 0; c < 3; c++)
        {
            Assert.InRange(image.Pixels[p + c], expected[c] - tolerance, expected[c] + tolerance);
        }
    }

    [Fact]
    public void Png_rgb_decodes_to_the_exact_pixels()
    {
        var rng = new Random(5);
        var samples = new byte[7 * 5 * 3];
        rng.NextBytes(samples);
        var image = ImageDecoder.Decode(TestPng.Write(7, 5, 2, samples), "test.png");
        Assert.Equal((7, 5), (image.Width, image.Height));
        Assert.Equal(samples, image.Pixels);
    }

    [Fact]
    public void Png_grey_and_alpha_become_rgb()
    {
        var grey = ImageDecoder.Decode(TestPng.Write(2, 1, 0, [0, 200]), "grey.png");
        Assert.Equal(new byte[] { 0, 0, 0, 200, 200, 200 }, grey.Pixels);

        // An opaque red pixel stays red; a fully transparent one shows the white background.
        var rgba = ImageDecoder.Decode(TestPng.Write(2, 1, 6, [255, 0, 0, 255, 10, 20, 30, 0]), "alpha.png");
        Assert.Equal(new byte[] { 255, 0, 0, 255, 255, 255 }, rgba.Pixels);
    }

    [Fact]
    public void Jpeg_round_trip_keeps_solid_blocks()
    {
        var decoded = ImageDecoder.Decode(JpegEncoder.Encode(QuadrantImage(), quality: 100), "q.jpg");
        Assert.Equal((32, 32), (decoded.Width, decoded.Height));
        AssertColour(decoded, 4, 4, Quadrants[0], 3);
        AssertColour(decoded, 27, 4, Quadrants[1], 3);
        AssertColour(decoded, 4, 27, Quadrants[2], 3);
        AssertColour(decoded, 27, 27, Quadrants[3], 3);
    }

    [Theory]
    [InlineData(1, 0, 1, 2, 3)]
    [InlineData(3, 3, 2, 1, 0)]
    [InlineData(6, 2, 0, 3, 1)] // rotate 90 degrees clockwise: bottom-left comes to the top-left
    [InlineData(8, 1, 3, 0, 2)] // rotate 90 degrees counter-clockwise
    public void Exif_orientation_in_a_jpeg_is_applied(int orientation, int topLeft, int topRight, int bottomLeft, int bottomRight)
    {
        var jpeg = WithExifOrientation(JpegEncoder.Encode(QuadrantImage(32, 32), quality: 100), orientation, bigEndian: orientation % 2 == 0);
        Assert.Equal(orientation, ExifOrientation.Read(jpeg));
        var image = ImageDecoder.Decode(jpeg, "rotated.jpg");
        AssertColour(image, 4, 4, Quadrants[topLeft], 3);
        AssertColour(image, 27, 4, Quadrants[topRight], 3);
        AssertColour(image, 4, 27, Quadrants[bottomLeft], 3);
        AssertColour(image, 27, 27, Quadrants[bottomRight], 3);
    }

    [Fact]
    public void Orientations_that_turn_the_image_swap_its_sides()
    {
        var image = new RgbImage(3, 2, Enumerable.Range(0, 18).Select(i => (byte)i).ToArray());
        int Pixel(RgbImage im, int x, int y) => im.Pixels[(y * im.Width + x) * 3] / 3; // index of the source pixel

        // Source pixel indices: row 0 = 0 1 2, row 1 = 3 4 5.
        var expected = new Dictionary<int, int[,]>
        {
            [2] = new[,] { { 2, 1, 0 }, { 5, 4, 3 } },
            [3] = new[,] { { 5, 4, 3 }, { 2, 1, 0 } },
            [4] = new[,] { { 3, 4, 5 }, { 0, 1, 2 } },
            [5] = new[,] { { 0, 3 }, { 1, 4 }, { 2, 5 } },
            [6] = new[,] { { 3, 0 }, { 4, 1 }, { 5, 2 } },
            [7] = new[,] { { 5, 2 }, { 4, 1 }, { 3, 0 } },
            [8] = new[,] { { 2, 5 }, { 1, 4 }, { 0, 3 } },
        };
        foreach (var (orientation, grid) in expected)
        {
            var turned = ExifOrientation.Apply(image, orientation);
            Assert.Equal((grid.GetLength(1), grid.GetLength(0)), (turned.Width, turned.Height));
            for (var y = 0; y < turned.Height; y++)
            {
                for (var x = 0; x < turned.Width; x++)
                {
                    Assert.Equal(grid[y, x], Pixel(turned, x, y));
                }
            }
        }
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 0xFF, 0xD9 }, "corrupt JPEG")]
    [InlineData(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10, 0, 0, 0, 13, 1, 2, 3 }, "corrupt PNG")]
    [InlineData(new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a' }, "not a JPEG or PNG")]
    [InlineData(new byte[0], "not a JPEG or PNG")]
    public void Bad_files_are_invalid_data_naming_the_file(byte[] bytes, string expected)
    {
        var path = Path.Combine(Path.GetTempPath(), $"faceeval-bad-{Guid.NewGuid():N}.img");
        File.WriteAllBytes(path, bytes);
        try
        {
            var e = Assert.Throws<FaceEvalException>(() => ImageDecoder.Decode(path));
            Assert.Equal(ErrorKind.InvalidData, e.Kind);
            Assert.Contains(path, e.Message);
            Assert.True(e.Message.Contains(expected), e.Message);
            Assert.DoesNotContain('\n', e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_file_is_file_not_found()
    {
        Assert.Equal(ErrorKind.FileNotFound, Assert.Throws<FaceEvalException>(() => ImageDecoder.Decode("/nonexistent/x.jpg")).Kind);
    }

    [SharedDatasetFact("lfw")]
    public void Lfw_photos_decode_to_the_same_pixels_as_pillow()
    {
        // Pillow's libjpeg-turbo decode, hashed by tools/fixtures/make_inference_fixtures.js.
        using var fixture = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "inference_reference.json")));
        foreach (var photo in fixture.RootElement.GetProperty("detection").GetProperty("photos").EnumerateArray())
        {
            var image = ImageDecoder.Decode(Path.Combine(SharedData.Root!, "datasets", photo.GetProperty("file").GetString()!));
            Assert.Equal(photo.GetProperty("width").GetInt32(), image.Width);
            Assert.Equal(photo.GetProperty("pixelsSha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(image.Pixels)));
        }
    }

    /// <summary>Inserts an APP1 Exif segment holding only an orientation tag right after SOI.</summary>
    private static byte[] WithExifOrientation(byte[] jpeg, int orientation, bool bigEndian)
    {
        var tiff = new List<byte>();
        void U16(int v) => tiff.AddRange(bigEndian ? [(byte)(v >> 8), (byte)v] : [(byte)v, (byte)(v >> 8)]);
        void U32(int v) => tiff.AddRange(bigEndian ? [(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v] : [(byte)v, (byte)(v >> 8), (byte)(v >> 16), (byte)(v >> 24)]);
        tiff.AddRange(bigEndian ? "MM"u8.ToArray() : "II"u8.ToArray());
        U16(42);
        U32(8);
        U16(2);                                   // two IFD entries: a harmless one first
        U16(0x010F); U16(2); U32(4); U32(0x414243); // Make (ASCII, inline)
        U16(0x0112); U16(3); U32(1); U16(orientation); U16(0);
        U32(0);
        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var length = payload.Length + 2;
        return [0xFF, 0xD8, 0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload, .. jpeg.AsSpan(2)];
    }
}
