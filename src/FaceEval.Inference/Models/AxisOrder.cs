namespace FaceEval.Inference.Models;

/// <summary>The order of a model input tensor's axes (<c>"axes"</c> in models.json): batch, channels, height, width.</summary>
public enum AxisOrder
{
    Nchw,
    Nhwc,
}
