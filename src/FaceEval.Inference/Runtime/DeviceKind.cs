namespace FaceEval.Inference.Runtime;

public enum DeviceKind
{
    Cpu,
    Cuda,
}
