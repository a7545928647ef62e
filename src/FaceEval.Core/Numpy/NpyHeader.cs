namespace FaceEval.Core.Numpy;

/// <summary>
/// The parsed header of a 2-D floating-point (or, for <see cref="NpyReader.ReadInt32"/>, int32) .npy file.
/// </summary>
/// <param name="MajorVersion">Format version 1, 2 or 3 (minor is always 0).</param>
/// <param name="DataOffset">Byte offset of the first element: the header size.</param>
public sealed record NpyHeader(int MajorVersion, NpyElementType ElementType, bool BigEndian, int Rows, int Columns, long DataOffset)
{
    public int ElementSize => ElementType switch
    {
        NpyElementType.Float16 => 2,
        NpyElementType.Float32 or NpyElementType.Int32 => 4,
        _ => 8,
    };

    /// <summary>Bytes of data that must follow the header.</summary>
    public long DataLength => (long)Rows * Columns * ElementSize;

    /// <summary>The numpy dtype string, e.g. <c>&lt;f2</c>.</summary>
    public string Descr => (BigEndian ? ">" : "<") + (ElementType == NpyElementType.Int32 ? "i" : "f") + ElementSize;
}
