namespace FaceEval.Core.Numpy;

/// <summary>The floating-point element types the .npy reader accepts.</summary>
public enum NpyElementType
{
    Float16,
    Float32,
    Float64,
}
