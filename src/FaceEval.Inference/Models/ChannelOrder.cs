namespace FaceEval.Inference.Models;

/// <summary>The colour channels a model expects, in tensor order.</summary>
public enum ChannelOrder
{
    Rgb,
    Bgr,
    Grey,
}
