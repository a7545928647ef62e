using FaceEval.Imaging;
using FaceEval.Inference.Detection;

namespace FaceEval.Inference.SnapshotBuilding;

/// <summary>The subject filter: score, absolute and relative size from the box, sharpness from the aligned crop.</summary>
public static class SubjectFilter
{
    /// <summary>The tests that need only the box, in <see cref="FilterReason"/> order.</summary>
    public static FilterReason CheckBox(DetectedFace face, int imageWidth, int imageHeight, SubjectFilterOptions options)
    {
        var side = Math.Min(face.Width, face.Height);
        if (face.Score < options.MinScore)
        {
            return FilterReason.LowScore;
        }

        if (side < options.MinPixels)
        {
            return FilterReason.TooFewPixels;
        }

        return side < options.MinFraction * Math.Min(imageWidth, imageHeight) ? FilterReason.TooSmallInImage : FilterReason.Kept;
    }

    public static FilterReason CheckCrop(double sharpness, SubjectFilterOptions options) =>
        sharpness < options.MinSharpness ? FilterReason.Blurry : FilterReason.Kept;

    /// <summary>
    /// Variance of the 4-neighbour Laplacian of the grey crop (0.299 R + 0.587 G + 0.114 B, 0..255) over
    /// its central region (an eighth of each side left out), so the black corners alignment leaves
    /// where the face met the image edge do not count as detail. Sharp faces score in the hundreds,
    /// a face blurred with a radius of a few pixels below 10.
    /// </summary>
    public static double Sharpness(RgbImage crop)
    {
        int w = crop.Width, h = crop.Height;
        var grey = new float[w * h];
        var p = crop.Pixels;
        for (var i = 0; i < grey.Length; i++)
        {
            grey[i] = 0.299f * p[3 * i] + 0.587f * p[3 * i + 1] + 0.114f * p[3 * i + 2];
        }

        int x0 = Math.Max(1, w / 8), x1 = Math.Min(w - 1, w - w / 8), y0 = Math.Max(1, h / 8), y1 = Math.Min(h - 1, h - h / 8);
        double sum = 0, sumSq = 0;
        long n = 0;
        for (var y = y0; y < y1; y++)
        {
            for (var x = x0; x < x1; x++)
            {
                var i = y * w + x;
                double lap = grey[i - 1] + grey[i + 1] + grey[i - w] + grey[i + w] - 4 * grey[i];
                sum += lap;
                sumSq += lap * lap;
                n++;
            }
        }

        if (n == 0)
        {
            return 0;
        }

        var mean = sum / n;
        return Math.Max(0, sumSq / n - mean * mean);
    }
}
