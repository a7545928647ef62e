using FaceEval.Core.Errors;

namespace FaceEval.Imaging;

/// <summary>
/// Decodes JPEG (libturbojpeg, EXIF orientation applied) and PNG (libpng16) into <see cref="RgbImage"/>.
/// A corrupt or unsupported file is a <see cref="ErrorKind.InvalidData"/> error naming it, so a caller
/// walking a photo folder can report and skip it.
/// </summary>
public static unsafe class ImageDecoder
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static RgbImage Decode(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new FaceEvalException(ErrorKind.FileNotFound, $"image not found: {path}", e);
        }
        catch (IOException e)
        {
            throw new FaceEvalException(ErrorKind.Io, $"cannot read {path}: {e.Message}", e);
        }

        return Decode(bytes, path);
    }

    /// <param name="name">Names the image in error messages.</param>
    public static RgbImage Decode(ReadOnlySpan<byte> data, string name)
    {
        try
        {
            if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
            {
                return ExifOrientation.Apply(DecodeJpeg(data, name), ExifOrientation.Read(data));
            }

            if (data.Length >= 8 && data[..8].SequenceEqual(PngSignature))
            {
                return DecodePng(data, name);
            }
        }
        catch (DllNotFoundException e)
        {
            throw new FaceEvalException(ErrorKind.NativeRuntime, $"image library missing ({e.Message.Split('\n')[0]}); install libturbojpeg0 and libpng16-16 (./setup.sh)", e);
        }

        throw new FaceEvalException(ErrorKind.InvalidData, $"{name}: not a JPEG or PNG image");
    }

    private static RgbImage DecodeJpeg(ReadOnlySpan<byte> data, string name)
    {
        var handle = TurboJpeg.InitDecompress();
        if (handle == 0)
        {
            throw new FaceEvalException(ErrorKind.NativeRuntime, "cannot initialise TurboJPEG");
        }

        try
        {
            fixed (byte* jpeg = data)
            {
                int width, height, subsampling, colorspace;
                if (TurboJpeg.DecompressHeader3(handle, jpeg, (nuint)data.Length, &width, &height, &subsampling, &colorspace) != 0)
                {
                    throw new FaceEvalException(ErrorKind.InvalidData, $"{name}: corrupt JPEG ({TurboJpeg.Error(handle)})");
                }

                if (width <= 0 || height <= 0)
                {
                    throw new FaceEvalException(ErrorKind.InvalidData, $"{name}: corrupt JPEG (no image size in the header)");
                }

                if ((long)width * height > 200_000_000)
                {
                    throw new FaceEvalException(ErrorKind.InvalidData, $"{name}: unsupported JPEG size {width}x{height}");
                }

                var pixels = new byte[3 * width * height];
                fixed (byte* dst = pixels)
                {
                    // Warnings (e.g. a truncated file) leave a usable, partly grey image; only fatal errors reject it.
                    if (TurboJpeg.Decompress2(handle, jpeg, (nuint)data.Length, dst, width, 3 * width, height, TurboJpeg.PixelFormatRgb, 0) != 0
                        && TurboJpeg.GetErrorCode(handle) != TurboJpeg.ErrorWarning)
                    {
                        throw new FaceEvalException(ErrorKind.InvalidData, $"{name}: corrupt JPEG ({TurboJpeg.Error(handle)})");
                    }
                }

                return new RgbImage(width, height, pixels);
            }
        }
        finally
        {
            TurboJpeg.Destroy(handle);
        }
    }

    private static RgbImage DecodePng(ReadOnlySpan<byte> data, string name)
    {
        var image = new LibPng.Image { Version = LibPng.ImageVersion };
        fixed (byte* png = data)
        {
            if (LibPng.BeginReadFromMemory(&image, png, (nuint)data.Length) == 0)
            {
                var message = LibPng.Message(&image);
                LibPng.Free(&image);
                throw new FaceEvalException(ErrorKind.InvalidData, $"{name}: corrupt PNG ({message})");
            }

            if (image.Width == 0 || image.Height == 0 || (long)image.Width * image.Height > 200_000_000)
            {
                LibPng.Free(&image);
                throw new FaceEvalException(ErrorKind.InvalidData, $"{name}: unsupported PNG size {image.Width}x{image.Height}");
            }

            image.Format = LibPng.FormatRgb;
            int width = (int)image.Width, height = (int)image.Height;
            var pixels = new byte[3 * width * height];

            // Transparent pixels are composed onto white, as photo viewers show them.
            var white = new LibPng.Color { Red = 255, Green = 255, Blue = 255 };
            fixed (byte* dst = pixels)
            {
                // finish_read frees the png_image's internals whether it succeeds or not.
                if (LibPng.FinishRead(&image, &white, dst, 3 * width, null) == 0)
                {
                    throw new FaceEvalException(ErrorKind.InvalidData, $"{name}: corrupt PNG ({LibPng.Message(&image)})");
                }
            }

            return new RgbImage(width, height, pixels);
        }
    }
}
