using FaceEval.Imaging;
using FaceEval.Inference.Alignment;
using FaceEval.Inference.Detection;
using FaceEval.Inference.SnapshotBuilding;

namespace FaceEval.Inference.Tests.SnapshotBuilding;

public class SubjectFilterTests
{
    private static RgbImage Blur(RgbImage image, int radius)
    {
        var src = image.Pixels;
        var dst = new byte[src.Length];
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    int sum = 0, n = 0;
                    for (var dy = -radius; dy <= radius; dy++)
                    {
                        for (var dx = -radius; dx <= radius; dx++)
                        {
                            int sx = Math.Clamp(x + dx, 0, image.Width - 1), sy = Math.Clamp(y + dy, 0, image.Height - 1);
                            sum += src[(sy * image.Width + sx) * 3 + c];
                            n++;
                        }
                    }

                    dst[(y * image.Width + x) * 3 + c] = (byte)(sum / n);
                }
            }
        }

        return new RgbImage(image.Width, image.Height, dst);
    }

    [Fact]
    public void A_blurred_crop_fails_sharpness_and_the_sharp_one_passes()
    {
        // A grey photo with thin dark lines: sharp edges everywhere the face crop looks.
        var photo = SquareFaces.Image(300, 300);
        for (var i = 0; i < photo.Pixels.Length; i += 3)
        {
            var x = i / 3 % 300;
            var y = i / 3 / 300;
            photo.Pixels[i] = photo.Pixels[i + 1] = photo.Pixels[i + 2] = (byte)(x % 9 < 2 || y % 13 < 2 ? 30 : 180);
        }

        var face = new SquareFaces.Finder().Find(SquareFaces.Image(300, 300, (0, 90, 90, 120)))[0];
        var sharp = FaceAligner.Align(photo, face.Landmarks, SquareFaces.Template112);
        var blurred = Blur(Blur(Blur(sharp, 3), 3), 3); // roughly a Gaussian of sigma 3.5 px
        var options = SubjectFilterOptions.Default;

        var s = SubjectFilter.Sharpness(sharp);
        var b = SubjectFilter.Sharpness(blurred);
        Assert.True(s > 10 * b, $"sharp {s:F1} vs blurred {b:F1}");
        Assert.True(b < options.MinSharpness, $"blurred {b:F1}, sharp {s:F1}");
        Assert.Equal(FilterReason.Kept, SubjectFilter.CheckCrop(s, options));
        Assert.Equal(FilterReason.Blurry, SubjectFilter.CheckCrop(b, options));
        Assert.Equal(0, SubjectFilter.Sharpness(RgbImage.Blank(112, 112)));
    }

    [Fact]
    public void Sharpness_ignores_the_black_border_alignment_leaves()
    {
        // A flat grey crop with a black frame 12 px wide (under an eighth): no detail inside, so zero.
        var crop = RgbImage.Blank(112, 112);
        for (var y = 12; y < 100; y++)
        {
            for (var x = 12; x < 100; x++)
            {
                crop.Pixels[(y * 112 + x) * 3] = crop.Pixels[(y * 112 + x) * 3 + 1] = crop.Pixels[(y * 112 + x) * 3 + 2] = 128;
            }
        }

        Assert.Equal(0, SubjectFilter.Sharpness(crop), 6);
    }

    [Theory]
    [InlineData(0.9f, 100, 100, 1000, 1000, FilterReason.Kept)]
    [InlineData(0.5f, 100, 100, 1000, 1000, FilterReason.LowScore)]
    [InlineData(0.9f, 15, 40, 100, 100, FilterReason.TooFewPixels)]
    [InlineData(0.9f, 40, 40, 1000, 1000, FilterReason.TooSmallInImage)]
    [InlineData(0.9f, 40, 40, 1000, 700, FilterReason.Kept)]
    public void Box_tests_apply_score_then_absolute_then_relative_size(float score, float w, float h, int imageW, int imageH, FilterReason expected)
    {
        var face = new DetectedFace(0, 0, w, h, score, new float[10]);
        var options = new SubjectFilterOptions(MinScore: 0.7f, MinPixels: 20, MinFraction: 0.05f, MinSharpness: 10);
        Assert.Equal(expected, SubjectFilter.CheckBox(face, imageW, imageH, options));
    }

    [Fact]
    public void Zero_thresholds_keep_everything_and_bad_values_are_refused()
    {
        var tiny = new DetectedFace(0, 0, 1, 1, 0.01f, new float[10]);
        Assert.Equal(FilterReason.Kept, SubjectFilter.CheckBox(tiny, 4000, 3000, SubjectFilterOptions.None));
        Assert.Throws<FaceEval.Core.Errors.FaceEvalException>(() => new SubjectFilterOptions(MinScore: 1.5f).Validate());
        Assert.Throws<FaceEval.Core.Errors.FaceEvalException>(() => new SubjectFilterOptions(MinSharpness: -1).Validate());
    }

    [Fact]
    public void The_subject_is_the_most_central_face_for_its_size()
    {
        var lm = new float[10];
        var faces = new List<DetectedFace>
        {
            new(10, 10, 30, 30, 0.9f, lm),     // small, in a corner
            new(160, 160, 80, 80, 0.8f, lm),   // large, centre (200, 200): 7.1 px off, cost 7.1 / 80 = 0.09
            new(185, 185, 20, 20, 0.95f, lm),  // small, centre (195, 195) = the image centre: cost 0
        };
        Assert.Equal(2, SubjectRule.Pick(faces, 390, 390));

        // 20 px right and down the small face costs 28.3 / 20 = 1.4 and the large one wins.
        faces[2] = new DetectedFace(205, 205, 20, 20, 0.95f, lm);
        Assert.Equal(1, SubjectRule.Pick(faces, 390, 390));
        Assert.Equal(-1, SubjectRule.Pick([], 100, 100));
    }
}
