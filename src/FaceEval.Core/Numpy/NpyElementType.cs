namespace FaceEval.Core.Numpy;

/// <summary>The element types the .npy reader accepts: floating point for embeddings, int32 for neighbour ids.</summary>
public enum NpyElementType
{
    Float16,
    Float32,
    Float64,

    /// <summary>Read only by <see cref="NpyReader.ReadInt32"/>; the float readers refuse it.</summary>
    Int32,
}
