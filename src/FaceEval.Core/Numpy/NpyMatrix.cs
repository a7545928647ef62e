namespace FaceEval.Core.Numpy;

/// <summary>A 2-D array read from a .npy file, converted to float32, row-major.</summary>
public sealed class NpyMatrix
{
    public NpyMatrix(float[] data, int rows, int columns, NpyElementType sourceType)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (rows < 0 || columns < 0 || (long)rows * columns != data.LongLength)
        {
            throw new ArgumentException($"{data.LongLength} values do not make a {rows} x {columns} matrix", nameof(data));
        }

        Data = data;
        Rows = rows;
        Columns = columns;
        SourceType = sourceType;
    }

    /// <summary>Row-major values, length Rows * Columns.</summary>
    public float[] Data { get; }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>The element type stored in the file before conversion to float32.</summary>
    public NpyElementType SourceType { get; }

    public ReadOnlySpan<float> Row(int index) => new(Data, index * Columns, Columns);
}
