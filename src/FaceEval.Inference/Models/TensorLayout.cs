namespace FaceEval.Inference.Models;

public enum TensorLayout
{
    Nchw,
    Nhwc,
}
