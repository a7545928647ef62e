using FaceEval.Imaging;
using FaceEval.Inference.Alignment;
using FaceEval.Inference.Models;

namespace FaceEval.Inference.Tests.Alignment;

public class AlignmentTests
{
    [Theory]
    [InlineData(1.3, 0.4, 12.5, -7.25)]
    [InlineData(0.5, -0.8, -3, 40)]
    [InlineData(2.0, 0, 0, 0)]
    public void A_known_similarity_is_recovered_exactly(double a, double b, double tx, double ty)
    {
        var truth = new SimilarityTransform(a, b, tx, ty);
        var rng = new Random(11);
        var source = Enumerable.Range(0, 10).Select(_ => (float)(rng.NextDouble() * 200)).ToArray();
        var target = new float[10];
        for (var i = 0; i < 5; i++)
        {
            var (x, y) = truth.Apply(source[2 * i], source[2 * i + 1]);
            target[2 * i] = (float)x;
            target[2 * i + 1] = (float)y;
        }

        var fit = SimilarityTransform.Estimate(source, target);
        Assert.Equal(a, fit.A, 1e-5);
        Assert.Equal(b, fit.B, 1e-5);
        Assert.Equal(tx, fit.Tx, 1e-3);
        Assert.Equal(ty, fit.Ty, 1e-3);
    }

    [Fact]
    public void Noisy_points_give_the_least_squares_fit()
    {
        // Perturbing the fitted parameters can only raise the squared error.
        var source = new float[] { 10, 10, 50, 12, 30, 40, 15, 60, 48, 62 };
        var target = new float[] { 38, 51, 73, 52, 56, 71, 41, 93, 71, 91 };
        var fit = SimilarityTransform.Estimate(source, target);
        double Error(SimilarityTransform t)
        {
            double e = 0;
            for (var i = 0; i < 5; i++)
            {
                var (x, y) = t.Apply(source[2 * i], source[2 * i + 1]);
                e += Math.Pow(x - target[2 * i], 2) + Math.Pow(y - target[2 * i + 1], 2);
            }

            return e;
        }

        var best = Error(fit);
        foreach (var d in new[] { 1e-3, -1e-3 })
        {
            Assert.True(Error(fit with { A = fit.A + d }) > best);
            Assert.True(Error(fit with { B = fit.B + d }) > best);
            Assert.True(Error(fit with { Tx = fit.Tx + d }) > best);
            Assert.True(Error(fit with { Ty = fit.Ty + d }) > best);
        }
    }

    [Fact]
    public void Inverse_undoes_the_transform()
    {
        var t = new SimilarityTransform(0.7, -0.3, 5, 9);
        var (x, y) = t.Inverse().Apply(t.Apply(13, -4).X, t.Apply(13, -4).Y);
        Assert.Equal(13, x, 1e-9);
        Assert.Equal(-4, y, 1e-9);
    }

    [Fact]
    public void Warping_by_an_integer_shift_moves_pixels_exactly_and_fills_black()
    {
        var image = SyntheticImages.Make(1, 20, 16);
        var shifted = FaceAligner.Warp(image, new SimilarityTransform(1, 0, -3, -2), 10, 10);
        for (var v = 0; v < 10; v++)
        {
            for (var u = 0; u < 10; u++)
            {
                for (var c = 0; c < 3; c++)
                {
                    Assert.Equal(image.Pixels[((v + 2) * 20 + u + 3) * 3 + c], shifted.Pixels[(v * 10 + u) * 3 + c]);
                }
            }
        }

        var outside = FaceAligner.Warp(image, new SimilarityTransform(1, 0, 100, 100), 4, 4);
        Assert.All(outside.Pixels, p => Assert.Equal(0, p));
    }

    [Fact]
    public void Half_pixel_positions_are_interpolated_bilinearly()
    {
        var image = new RgbImage(2, 2, [0, 0, 0, 100, 100, 100, 200, 200, 200, 40, 40, 40]);
        // Crop pixel (0, 0) samples image point (0.5, 0.5): the mean of the four pixels.
        var crop = FaceAligner.Warp(image, new SimilarityTransform(1, 0, -0.5, -0.5), 1, 1);
        Assert.Equal(85, crop.Pixels[0]);
    }

    [Fact]
    public void Landmarks_on_the_template_give_an_identity_crop()
    {
        var template = new AlignmentTemplate { Name = "t", Width = 12, Height = 12, Points = [3, 4, 8, 4, 6, 6, 4, 9, 8, 9] };
        var image = SyntheticImages.Make(2, 12, 12);
        var crop = FaceAligner.Align(image, template.Points, template);
        Assert.Equal(image.Pixels, crop.Pixels);
    }
}
