using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using FaceEval.Core.Errors;

namespace FaceEval.Core.Numpy;

/// <summary>
/// Reads 2-D C-order float16/float32/float64 .npy files (format versions 1.0, 2.0 and 3.0, either byte
/// order) as float32. Anything else, or a damaged file, is a one-line
/// <see cref="ErrorKind.InvalidData"/> error naming the file.
/// </summary>
public static class NpyReader
{
    // "\x93NUMPY" as bytes (a u8 literal would UTF-8-encode \x93 into two bytes).
    internal static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    // numpy refuses headers above 10,000 characters unless told otherwise; ours are a few dozen.
    private const int MaxHeaderLength = 1 << 16;

    public static NpyMatrix Read(string path)
    {
        using var stream = Open(path);
        return Read(stream, path);
    }

    /// <summary>
    /// Reads a .npy from the start of <paramref name="stream"/> (whose Length must be known) to its end,
    /// decoding straight into the result; <paramref name="name"/> is used in errors.
    /// </summary>
    public static NpyMatrix Read(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var header = ReadHeader(stream, name);
        CheckLength(header, stream.Length - header.DataOffset, name);

        var data = new float[(long)header.Rows * header.Columns];
        if (header.ElementType == NpyElementType.Float32 && header.BigEndian == !BitConverter.IsLittleEndian)
        {
            stream.ReadExactly(MemoryMarshal.AsBytes(data.AsSpan()));
            return new NpyMatrix(data, header.Rows, header.Columns, header.ElementType);
        }

        var bytes = new byte[header.DataLength];
        stream.ReadExactly(bytes);
        Convert(header, bytes, data);
        return new NpyMatrix(data, header.Rows, header.Columns, header.ElementType);
    }

    /// <summary>Parses a whole .npy file already in memory; <paramref name="name"/> is used in errors.</summary>
    public static NpyMatrix Read(ReadOnlySpan<byte> content, string name)
    {
        var header = ParseHeader(content, name);
        CheckLength(header, content.Length - header.DataOffset, name);
        var data = new float[(long)header.Rows * header.Columns];
        Convert(header, content.Slice((int)header.DataOffset, (int)header.DataLength), data);
        return new NpyMatrix(data, header.Rows, header.Columns, header.ElementType);
    }

    /// <summary>
    /// Reads a 2-D C-order int32 .npy (either byte order) from the start of <paramref name="stream"/> to
    /// its end; anything else is the same one-line InvalidData error as for floats.
    /// </summary>
    public static (int[] Data, int Rows, int Columns) ReadInt32(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var header = ReadHeader(stream, name, integer: true);
        CheckLength(header, stream.Length - header.DataOffset, name);
        var data = new int[(long)header.Rows * header.Columns];
        stream.ReadExactly(MemoryMarshal.AsBytes(data.AsSpan()));
        if (header.BigEndian == BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(data, data);
        }

        return (data, header.Rows, header.Columns);
    }

    /// <summary>Reads and checks only the header (and that the file has exactly the data it declares).</summary>
    public static NpyHeader ReadHeader(string path)
    {
        using var stream = Open(path);
        var header = ReadHeader(stream, path);
        CheckLength(header, stream.Length - header.DataOffset, path);
        return header;
    }

    internal static FileStream Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new FaceEvalException(ErrorKind.FileNotFound, $"{path}: no such .npy file");
        }

        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
    }

    private static NpyHeader ReadHeader(Stream stream, string name, bool integer = false)
    {
        // Magic (6), version (2), header length (2 or 4): at most 12 bytes before the header text.
        Span<byte> prefix = stackalloc byte[12];
        var got = stream.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false);
        var lengthSize = PrefixLengthSize(prefix[..got], name);
        var headerLength = lengthSize == 2
            ? BinaryPrimitives.ReadUInt16LittleEndian(prefix[8..])
            : BinaryPrimitives.ReadUInt32LittleEndian(prefix[8..]);
        if (headerLength > MaxHeaderLength)
        {
            throw Invalid(name, $"header length {headerLength} is implausibly large");
        }

        var whole = new byte[8 + lengthSize + headerLength];
        var have = Math.Min(got, whole.Length);
        prefix[..have].CopyTo(whole);
        if (have < whole.Length)
        {
            if (stream.ReadAtLeast(whole.AsSpan(have), whole.Length - have, throwOnEndOfStream: false) < whole.Length - have)
            {
                throw Invalid(name, "file ends inside the header (truncated)");
            }
        }

        var header = ParseHeader(whole, name, integer);
        if (stream.Position != header.DataOffset)
        {
            stream.Position = header.DataOffset;
        }

        return header;
    }

    private static int PrefixLengthSize(ReadOnlySpan<byte> prefix, string name)
    {
        if (prefix.Length < 10 || !prefix.StartsWith(Magic))
        {
            throw Invalid(name, "not a .npy file (missing \\x93NUMPY magic)");
        }

        var (major, minor) = (prefix[6], prefix[7]);
        var size = (major, minor) switch
        {
            (1, 0) => 2,
            (2, 0) or (3, 0) => 4,
            _ => throw Invalid(name, $"unsupported .npy format version {major}.{minor}"),
        };
        if (prefix.Length < 8 + size)
        {
            throw Invalid(name, "file ends inside the header (truncated)");
        }

        return size;
    }

    private static NpyHeader ParseHeader(ReadOnlySpan<byte> content, string name, bool integer = false)
    {
        var lengthSize = PrefixLengthSize(content[..Math.Min(content.Length, 12)], name);
        long headerLength = lengthSize == 2
            ? BinaryPrimitives.ReadUInt16LittleEndian(content[8..])
            : BinaryPrimitives.ReadUInt32LittleEndian(content[8..]);
        var offset = 8 + lengthSize + headerLength;
        if (headerLength > MaxHeaderLength || offset > content.Length)
        {
            throw Invalid(name, "file ends inside the header (truncated)");
        }

        var major = content[6];
        var textBytes = content.Slice(8 + lengthSize, (int)headerLength);
        string text;
        try
        {
            text = major == 3
                ? new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(textBytes)
                : Encoding.Latin1.GetString(textBytes);
        }
        catch (DecoderFallbackException)
        {
            throw Invalid(name, "header is not valid UTF-8");
        }

        var (descr, fortran, shape, error) = NpyHeaderParser.Parse(text);
        if (error is not null)
        {
            throw Invalid(name, $"malformed header: {error}");
        }

        if (fortran == true)
        {
            throw Invalid(name, "array is in Fortran order; save it in C order (numpy.ascontiguousarray)");
        }

        if (shape!.Length != 2)
        {
            throw Invalid(name, $"array has {shape.Length} dimensions, expected 2 (faces x dimension)");
        }

        if (shape[0] > int.MaxValue || shape[1] > int.MaxValue || shape[0] * shape[1] > Array.MaxLength)
        {
            throw Invalid(name, $"array shape ({shape[0]}, {shape[1]}) is too large");
        }

        var (type, bigEndian) = ParseDescr(descr!, name, integer);
        return new NpyHeader(major, type, bigEndian, (int)shape[0], (int)shape[1], offset);
    }

    private static (NpyElementType, bool) ParseDescr(string descr, string name, bool integer)
    {
        if (descr.Length == 3)
        {
            bool? bigEndian = descr[0] switch
            {
                '<' => false,
                '>' => true,
                '|' or '=' => !BitConverter.IsLittleEndian,
                _ => null,
            };
            NpyElementType? type = (descr[1..], integer) switch
            {
                ("f2", false) => NpyElementType.Float16,
                ("f4", false) => NpyElementType.Float32,
                ("f8", false) => NpyElementType.Float64,
                ("i4", true) => NpyElementType.Int32,
                _ => null,
            };
            if (bigEndian is not null && type is not null)
            {
                return (type.Value, bigEndian.Value);
            }
        }

        throw Invalid(name, $"unsupported dtype '{descr}', expected {(integer ? "int32" : "float16, float32 or float64")}");
    }

    private static void CheckLength(NpyHeader header, long available, string name)
    {
        if (available < header.DataLength)
        {
            throw Invalid(name, $"truncated: shape ({header.Rows}, {header.Columns}) needs {header.DataLength} data bytes, file has {available}");
        }

        if (available > header.DataLength)
        {
            throw Invalid(name, $"{available - header.DataLength} unexpected bytes after the ({header.Rows}, {header.Columns}) array");
        }
    }

    private static void Convert(NpyHeader header, ReadOnlySpan<byte> bytes, Span<float> data)
    {
        var swap = header.BigEndian == BitConverter.IsLittleEndian;
        switch (header.ElementType)
        {
            case NpyElementType.Float16:
                var halves = MemoryMarshal.Cast<byte, ushort>(bytes);
                for (var i = 0; i < data.Length; i++)
                {
                    var bits = swap ? BinaryPrimitives.ReverseEndianness(halves[i]) : halves[i];
                    data[i] = (float)BitConverter.UInt16BitsToHalf(bits);
                }

                break;
            case NpyElementType.Float32:
                var singles = MemoryMarshal.Cast<byte, uint>(bytes);
                for (var i = 0; i < data.Length; i++)
                {
                    var bits = swap ? BinaryPrimitives.ReverseEndianness(singles[i]) : singles[i];
                    data[i] = BitConverter.UInt32BitsToSingle(bits);
                }

                break;
            default:
                var doubles = MemoryMarshal.Cast<byte, ulong>(bytes);
                for (var i = 0; i < data.Length; i++)
                {
                    var bits = swap ? BinaryPrimitives.ReverseEndianness(doubles[i]) : doubles[i];
                    data[i] = (float)BitConverter.UInt64BitsToDouble(bits);
                }

                break;
        }
    }

    private static FaceEvalException Invalid(string name, string problem) =>
        new(ErrorKind.InvalidData, $"{name}: {problem}");
}
