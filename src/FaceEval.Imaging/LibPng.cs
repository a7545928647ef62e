using System.Runtime.InteropServices;

namespace FaceEval.Imaging;

/// <summary>P/Invoke to libpng16's simplified read API (png.h, PNG_IMAGE_VERSION 1).</summary>
internal static unsafe partial class LibPng
{
    public const string Library = "libpng16.so.16";
    public const uint ImageVersion = 1;   // PNG_IMAGE_VERSION
    public const uint FormatRgb = 2;      // PNG_FORMAT_RGB = PNG_FORMAT_FLAG_COLOR, 8-bit sRGB

    /// <summary>png_image, field for field.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Image
    {
        public nint Opaque;
        public uint Version;
        public uint Width;
        public uint Height;
        public uint Format;
        public uint Flags;
        public uint ColormapEntries;
        public uint WarningOrError;
        public fixed byte Message[64];
    }

    /// <summary>png_color.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Color
    {
        public byte Red;
        public byte Green;
        public byte Blue;
    }

    [LibraryImport(Library, EntryPoint = "png_image_begin_read_from_memory")]
    public static partial int BeginReadFromMemory(Image* image, byte* memory, nuint size);

    [LibraryImport(Library, EntryPoint = "png_image_finish_read")]
    public static partial int FinishRead(Image* image, Color* background, byte* buffer, int rowStride, void* colormap);

    [LibraryImport(Library, EntryPoint = "png_image_free")]
    public static partial void Free(Image* image);

    public static string Message(Image* image) =>
        Marshal.PtrToStringUTF8((nint)image->Message) is { Length: > 0 } m ? m : "unknown libpng error";
}
