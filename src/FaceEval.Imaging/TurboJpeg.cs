using System.Runtime.InteropServices;

namespace FaceEval.Imaging;

/// <summary>P/Invoke to the TurboJPEG 2.1 API of Debian's libturbojpeg0 (unsigned long is 64-bit on Linux x64).</summary>
internal static unsafe partial class TurboJpeg
{
    public const string Library = "libturbojpeg.so.0";
    public const int PixelFormatRgb = 0;       // TJPF_RGB
    public const int Subsampling444 = 0;       // TJSAMP_444
    public const int Subsampling420 = 2;       // TJSAMP_420
    public const int ErrorWarning = 0;         // TJERR_WARNING
    public const int FlagAccurateDct = 4096;   // TJFLAG_ACCURATEDCT

    [LibraryImport(Library, EntryPoint = "tjInitDecompress")]
    public static partial nint InitDecompress();

    [LibraryImport(Library, EntryPoint = "tjInitCompress")]
    public static partial nint InitCompress();

    [LibraryImport(Library, EntryPoint = "tjDecompressHeader3")]
    public static partial int DecompressHeader3(nint handle, byte* jpeg, nuint size, int* width, int* height, int* subsampling, int* colorspace);

    [LibraryImport(Library, EntryPoint = "tjDecompress2")]
    public static partial int Decompress2(nint handle, byte* jpeg, nuint size, byte* destination, int width, int pitch, int height, int pixelFormat, int flags);

    [LibraryImport(Library, EntryPoint = "tjCompress2")]
    public static partial int Compress2(nint handle, byte* source, int width, int pitch, int height, int pixelFormat, byte** jpeg, nuint* size, int subsampling, int quality, int flags);

    [LibraryImport(Library, EntryPoint = "tjFree")]
    public static partial void Free(byte* buffer);

    [LibraryImport(Library, EntryPoint = "tjDestroy")]
    public static partial int Destroy(nint handle);

    [LibraryImport(Library, EntryPoint = "tjGetErrorStr2")]
    public static partial nint GetErrorStr2(nint handle);

    [LibraryImport(Library, EntryPoint = "tjGetErrorCode")]
    public static partial int GetErrorCode(nint handle);

    public static string Error(nint handle) => Marshal.PtrToStringUTF8(GetErrorStr2(handle)) ?? "unknown TurboJPEG error";
}
