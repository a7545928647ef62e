namespace FaceEval.Inference.Runtime;

/// <summary>A model input or output as declared in the model; -1 marks a dynamic dimension.</summary>
public sealed record TensorInfo(string Name, IReadOnlyList<long> Shape, bool IsFloat);
