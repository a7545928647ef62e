using FaceEval.Imaging;
using FaceEval.Inference.Detection;
using FaceEval.Inference.Models;
using FaceEval.Inference.SnapshotBuilding;

namespace FaceEval.Inference.Tests.SnapshotBuilding;

/// <summary>
/// Test images whose "faces" are textured squares of one primary colour on a dark background, a
/// detector that finds them (one per colour, box = the square, landmarks placed in it as on a face)
/// and an embedder that returns the crop's mean colour: the whole pipeline without model files.
/// </summary>
internal static class SquareFaces
{
    public static readonly AlignmentTemplate Template112 = new()
    {
        Name = "arcface_112", Width = 112, Height = 112,
        Points = [38.2946f, 51.6963f, 73.5318f, 51.5014f, 56.0252f, 71.7366f, 41.5493f, 92.3655f, 70.7299f, 92.2041f],
    };

    public static readonly AlignmentTemplate Template160 = new()
    {
        Name = "arcface_160", Width = 160, Height = 160,
        Points = Template112.Points.Select(p => p * 160f / 112f).ToArray(),
    };

    /// <summary>Squares (channel 0..2, x, y, side); texture makes them sharp unless <paramref name="blur"/>.</summary>
    public static RgbImage Image(int width, int height, params (int Channel, int X, int Y, int Side)[] squares) => Image(width, height, false, squares);

    public static RgbImage Image(int width, int height, bool blur, params (int Channel, int X, int Y, int Side)[] squares)
    {
        var px = new byte[width * height * 3];
        for (var i = 0; i < px.Length; i++)
        {
            px[i] = 20;
        }

        foreach (var (c, sx, sy, side) in squares)
        {
            for (var y = sy; y < sy + side; y++)
            {
                for (var x = sx; x < sx + side; x++)
                {
                    // A fine checkerboard: strong, even detail everywhere in the square.
                    px[(y * width + x) * 3 + c] = (byte)(((x + y) & 1) == 0 || blur ? 230 : 200);
                }
            }
        }

        return new RgbImage(width, height, px);
    }

    public sealed class Finder : IFaceFinder
    {
        private int _calls;

        public string Name => "squares";

        public List<string> Seen { get; } = [];

        public int Calls => _calls;

        public float Score { get; init; } = 0.9f;

        public IReadOnlyList<DetectedFace> Find(RgbImage image)
        {
            Interlocked.Increment(ref _calls);
            var faces = new List<DetectedFace>();
            for (var c = 0; c < 3; c++)
            {
                int x0 = int.MaxValue, y0 = int.MaxValue, x1 = -1, y1 = -1;
                for (var y = 0; y < image.Height; y++)
                {
                    for (var x = 0; x < image.Width; x++)
                    {
                        var i = (y * image.Width + x) * 3;
                        if (image.Pixels[i + c] > 150 && image.Pixels[i + (c + 1) % 3] < 100 && image.Pixels[i + (c + 2) % 3] < 100)
                        {
                            (x0, y0, x1, y1) = (Math.Min(x0, x), Math.Min(y0, y), Math.Max(x1, x), Math.Max(y1, y));
                        }
                    }
                }

                if (x1 >= 0)
                {
                    float w = x1 - x0 + 1, h = y1 - y0 + 1;
                    var lm = Template112.Points.Select((p, k) => k % 2 == 0 ? x0 + p / 112f * w : y0 + p / 112f * h).ToArray();
                    faces.Add(new DetectedFace(x0, y0, w, h, Score, lm));
                }
            }

            return faces;
        }
    }

    /// <summary>Mean R, G, B and 1 of the crop, L2-normalised.</summary>
    public sealed class MeanColour(string name, AlignmentTemplate template) : ICropEmbedder
    {
        public string Name => name;

        public int Dimension => 4;

        public AlignmentTemplate Template => template;

        public float[] Embed(IReadOnlyList<RgbImage> crops)
        {
            var result = new float[crops.Count * 4];
            for (var n = 0; n < crops.Count; n++)
            {
                var p = crops[n].Pixels;
                double r = 0, g = 0, b = 0;
                for (var i = 0; i < p.Length; i += 3)
                {
                    (r, g, b) = (r + p[i], g + p[i + 1], b + p[i + 2]);
                }

                var count = p.Length / 3.0;
                var v = new[] { r / count / 255, g / count / 255, b / count / 255, 1 };
                var norm = Math.Sqrt(v.Sum(x => x * x));
                for (var k = 0; k < 4; k++)
                {
                    result[n * 4 + k] = (float)(v[k] / norm);
                }
            }

            return result;
        }
    }
}
