namespace FaceEval.Inference.Runtime;

/// <summary>A float output of one run, copied out of native memory, row-major.</summary>
public sealed record OutputTensor(string Name, long[] Shape, float[] Data);
