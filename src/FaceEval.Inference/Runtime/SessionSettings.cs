using FaceEval.Core.Errors;

namespace FaceEval.Inference.Runtime;

/// <summary>How a model session is created.</summary>
/// <param name="IntraOpThreads">Threads for one operator; 0 lets ONNX Runtime choose (one per physical core).</param>
public sealed record SessionSettings(int IntraOpThreads = 0, GraphOptimization Optimization = GraphOptimization.All, ComputeDevice Device = default)
{
    public static SessionSettings Default { get; } = new();

    public void Validate()
    {
        if (IntraOpThreads < 0)
        {
            throw new FaceEvalException(ErrorKind.Usage, $"intra-op threads must be 0 (automatic) or positive, not {IntraOpThreads}");
        }

        if (!Enum.IsDefined(Optimization))
        {
            throw new FaceEvalException(ErrorKind.Usage, $"unknown graph optimisation level {(int)Optimization}");
        }
    }
}
