using FaceEval.Core.Errors;

namespace FaceEval.Imaging;

/// <summary>Encodes RGB images as baseline JPEG through libturbojpeg (aligned crops of snapshots).</summary>
public static unsafe class JpegEncoder
{
    /// <param name="quality">1..100.</param>
    /// <param name="chromaSubsampling">False keeps full-resolution colour (4:4:4), true uses 4:2:0.</param>
    public static byte[] Encode(RgbImage image, int quality = 95, bool chromaSubsampling = false)
    {
        if (quality is < 1 or > 100)
        {
            throw new FaceEvalException(ErrorKind.Usage, $"JPEG quality must be 1..100, not {quality}");
        }

        var handle = TurboJpeg.InitCompress();
        if (handle == 0)
        {
            throw new FaceEvalException(ErrorKind.NativeRuntime, "cannot initialise TurboJPEG");
        }

        byte* jpeg = null;
        try
        {
            nuint size = 0;
            fixed (byte* src = image.Pixels)
            {
                var subsampling = chromaSubsampling ? TurboJpeg.Subsampling420 : TurboJpeg.Subsampling444;
                if (TurboJpeg.Compress2(handle, src, image.Width, image.Stride, image.Height, TurboJpeg.PixelFormatRgb, &jpeg, &size, subsampling, quality, TurboJpeg.FlagAccurateDct) != 0)
                {
                    throw new FaceEvalException(ErrorKind.NativeRuntime, $"JPEG encoding failed: {TurboJpeg.Error(handle)}");
                }
            }

            return new ReadOnlySpan<byte>(jpeg, checked((int)size)).ToArray();
        }
        finally
        {
            if (jpeg != null)
            {
                TurboJpeg.Free(jpeg);
            }

            TurboJpeg.Destroy(handle);
        }
    }
}
