using FaceEval.Core.Snapshots;

namespace FaceEval.Imaging.Tests;

/// <summary>The one crop rule, against squares worked out by hand.</summary>
public sealed class FaceCropTests
{
    [Theory]
    // A 16 px box: side 24 (the box plus 4 px on each side), centred, inside the photo.
    [InlineData(64, 48, 8, 8, 16, 16, 4, 4, 24)]
    // A tall box: the longer side sets the square (1.5 x 40 = 60), centred on (30, 60).
    [InlineData(200, 200, 20, 40, 20, 40, 0, 30, 60)]
    // At the top-left corner the square moves inside instead of shrinking: 15 px from (0, 0).
    [InlineData(100, 100, 0, 0, 10, 10, 0, 0, 15)]
    // At the bottom-right corner likewise: 30 px ending at the photo's edge.
    [InlineData(100, 80, 85, 65, 20, 20, 70, 50, 30)]
    // A box larger than the photo: the photo's shorter side, centred on the box's centre as far as it fits.
    [InlineData(50, 80, 0, 0, 100, 100, 0, 25, 50)]
    // A box smaller than a pixel still gives one pixel.
    [InlineData(10, 10, 3, 3, 0.2, 0.2, 3, 3, 1)]
    public void The_square_is_one_and_a_half_times_the_longer_side_moved_into_the_photo(
        int photoWidth, int photoHeight, double x, double y, double w, double h, int left, int top, int side)
    {
        Assert.Equal((left, top, side), FaceCrop.Square(photoWidth, photoHeight, new FaceBox(x, y, w, h)));
    }

    [Fact]
    public void A_box_far_outside_any_int_still_lands_in_the_photo()
    {
        Assert.Equal((0, 0, 30), FaceCrop.Square(30, 40, new FaceBox(1e300, -1e300, 1e300, 1e300)));
    }

    [Fact]
    public void Cut_copies_the_square_s_pixels()
    {
        // Each pixel holds its own coordinates (x, y, 7), so any offset shows.
        var photo = RgbImage.Blank(40, 30);
        for (var y = 0; y < 30; y++)
        {
            for (var x = 0; x < 40; x++)
            {
                (photo.Pixels[(y * 40 + x) * 3], photo.Pixels[(y * 40 + x) * 3 + 1], photo.Pixels[(y * 40 + x) * 3 + 2]) = ((byte)x, (byte)y, (byte)7);
            }
        }

        var crop = FaceCrop.Cut(photo, new FaceBox(10, 6, 8, 12)); // side 18 around (14, 12): from (5, 3)
        Assert.Equal((18, 18), (crop.Width, crop.Height));
        for (var y = 0; y < 18; y++)
        {
            for (var x = 0; x < 18; x++)
            {
                Assert.Equal(new byte[] { (byte)(5 + x), (byte)(3 + y), 7 }, crop.Pixels.AsSpan((y * 18 + x) * 3, 3).ToArray());
            }
        }
    }
}
