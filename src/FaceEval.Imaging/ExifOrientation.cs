using System.Buffers.Binary;

namespace FaceEval.Imaging;

/// <summary>The EXIF orientation tag (1..8) of a JPEG and how to undo it.</summary>
public static class ExifOrientation
{
    public const int Normal = 1;

    private const ushort OrientationTag = 0x0112;

    /// <summary>Orientation from the JPEG's APP1 Exif segment; <see cref="Normal"/> when absent or unreadable.</summary>
    public static int Read(ReadOnlySpan<byte> jpeg)
    {
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8)
        {
            return Normal;
        }

        var pos = 2;
        while (pos + 4 <= jpeg.Length && jpeg[pos] == 0xFF)
        {
            var marker = jpeg[pos + 1];
            if (marker == 0xD8 || marker is >= 0xD0 and <= 0xD7 || marker == 0x01 || marker == 0xFF)
            {
                pos += marker == 0xFF ? 1 : 2;
                continue;
            }

            if (marker == 0xDA || marker == 0xD9)
            {
                break; // image data starts: no metadata beyond this point
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg[(pos + 2)..]);
            if (length < 2 || pos + 2 + length > jpeg.Length)
            {
                break;
            }

            var segment = jpeg.Slice(pos + 4, length - 2);
            if (marker == 0xE1 && segment.Length > 14 && segment[..6].SequenceEqual("Exif\0\0"u8))
            {
                return FromTiff(segment[6..]);
            }

            pos += 2 + length;
        }

        return Normal;
    }

    /// <summary>The image as it should be displayed: <paramref name="orientation"/> undone (5..8 swap width and height).</summary>
    public static RgbImage Apply(RgbImage image, int orientation)
    {
        if (orientation is < 2 or > 8)
        {
            return image;
        }

        int w = image.Width, h = image.Height;
        var swap = orientation >= 5;
        int ow = swap ? h : w, oh = swap ? w : h;
        var src = image.Pixels;
        var dst = new byte[src.Length];
        for (var oy = 0; oy < oh; oy++)
        {
            for (var ox = 0; ox < ow; ox++)
            {
                // Source pixel of display pixel (ox, oy) for each EXIF orientation.
                var (ix, iy) = orientation switch
                {
                    2 => (w - 1 - ox, oy),
                    3 => (w - 1 - ox, h - 1 - oy),
                    4 => (ox, h - 1 - oy),
                    5 => (oy, ox),
                    6 => (oy, h - 1 - ox),
                    7 => (w - 1 - oy, h - 1 - ox),
                    _ => (w - 1 - oy, ox),
                };
                var s = (iy * w + ix) * 3;
                var d = (oy * ow + ox) * 3;
                dst[d] = src[s];
                dst[d + 1] = src[s + 1];
                dst[d + 2] = src[s + 2];
            }
        }

        return new RgbImage(ow, oh, dst);
    }

    private static int FromTiff(ReadOnlySpan<byte> tiff)
    {
        bool little;
        if (tiff[0] == 'I' && tiff[1] == 'I')
        {
            little = true;
        }
        else if (tiff[0] == 'M' && tiff[1] == 'M')
        {
            little = false;
        }
        else
        {
            return Normal;
        }

        if (tiff.Length < 8 || U16(tiff, 2, little) != 42)
        {
            return Normal;
        }

        var ifd = U32(tiff, 4, little);
        if (ifd > tiff.Length - 2)
        {
            return Normal;
        }

        var count = U16(tiff, (int)ifd, little);
        for (var i = 0; i < count; i++)
        {
            var entry = (int)ifd + 2 + 12 * i;
            if (entry + 12 > tiff.Length)
            {
                break;
            }

            if (U16(tiff, entry, little) == OrientationTag)
            {
                int value = U16(tiff, entry + 8, little); // SHORT, left-justified in the value field
                return value is >= 1 and <= 8 ? value : Normal;
            }
        }

        return Normal;
    }

    private static ushort U16(ReadOnlySpan<byte> b, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt16LittleEndian(b[at..]) : BinaryPrimitives.ReadUInt16BigEndian(b[at..]);

    private static uint U32(ReadOnlySpan<byte> b, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(b[at..]) : BinaryPrimitives.ReadUInt32BigEndian(b[at..]);
}
