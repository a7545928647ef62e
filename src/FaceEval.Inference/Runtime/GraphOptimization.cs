namespace FaceEval.Inference.Runtime;

/// <summary>ONNX Runtime's GraphOptimizationLevel; the values are the C enum's.</summary>
public enum GraphOptimization
{
    None = 0,
    Basic = 1,
    Extended = 2,
    All = 99,
}
