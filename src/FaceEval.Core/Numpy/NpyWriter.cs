using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace FaceEval.Core.Numpy;

/// <summary>
/// Writes float32 (and int32) little-endian C-order .npy files byte for byte as <c>numpy.save</c> does: a version
/// 1.0 header (2.0 only if the header would not fit), space-padded so the data starts on a 64-byte
/// boundary, with numpy's spare room for the first axis to grow.
/// </summary>
public static class NpyWriter
{
    private const int ArrayAlign = 64;
    private const int GrowthAxisMaxDigits = 21;

    /// <summary>Writes to a temporary file beside <paramref name="path"/> and renames it into place.</summary>
    public static void Write(string path, ReadOnlySpan<float> data, int rows, int columns)
    {
        var temp = path + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                Write(stream, data, rows, columns);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public static void Write(Stream stream, ReadOnlySpan<float> data, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        if ((long)rows * columns != data.Length)
        {
            throw new ArgumentException($"{data.Length} values do not make a {rows} x {columns} matrix", nameof(data));
        }

        stream.Write(Header(rows, columns));
        if (BitConverter.IsLittleEndian)
        {
            stream.Write(MemoryMarshal.AsBytes(data));
        }
        else
        {
            var buffer = new byte[4];
            foreach (var v in data)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(buffer, v);
                stream.Write(buffer);
            }
        }
    }

    /// <summary>An int32 matrix (<c>&lt;i4</c>), e.g. neighbour ids; same layout as the float32 form.</summary>
    public static void Write(Stream stream, ReadOnlySpan<int> data, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        if ((long)rows * columns != data.Length)
        {
            throw new ArgumentException($"{data.Length} values do not make a {rows} x {columns} matrix", nameof(data));
        }

        stream.Write(Header(rows, columns, "<i4"));
        if (BitConverter.IsLittleEndian)
        {
            stream.Write(MemoryMarshal.AsBytes(data));
        }
        else
        {
            var buffer = new byte[4];
            foreach (var v in data)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(buffer, v);
                stream.Write(buffer);
            }
        }
    }

    /// <summary>The complete header (magic through the final newline) numpy writes for this shape.</summary>
    internal static byte[] Header(int rows, int columns, string descr = "<f4")
    {
        var rowsText = rows.ToString(CultureInfo.InvariantCulture);
        var dict = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': ({rowsText}, {columns.ToString(CultureInfo.InvariantCulture)}), }}"
            + new string(' ', Math.Max(0, GrowthAxisMaxDigits - rowsText.Length));
        var text = Encoding.ASCII.GetBytes(dict);

        // Version 1.0 stores the header length in 2 bytes, 2.0 in 4; magic + version take 8.
        foreach (var (major, lengthSize) in new[] { (1, 2), (2, 4) })
        {
            var withNewline = text.Length + 1;
            var pad = ArrayAlign - ((8 + lengthSize + withNewline) % ArrayAlign);
            var headerLength = withNewline + pad;
            if (lengthSize == 2 && headerLength > ushort.MaxValue)
            {
                continue;
            }

            var result = new byte[8 + lengthSize + headerLength];
            NpyReader.Magic.CopyTo(result);
            result[6] = (byte)major;
            result[7] = 0;
            if (lengthSize == 2)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(result.AsSpan(8), (ushort)headerLength);
            }
            else
            {
                System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(8), (uint)headerLength);
            }

            text.CopyTo(result, 8 + lengthSize);
            result.AsSpan(8 + lengthSize + text.Length, pad).Fill((byte)' ');
            result[^1] = (byte)'\n';
            return result;
        }

        throw new InvalidOperationException("unreachable: a 2-D header always fits version 2.0");
    }
}
