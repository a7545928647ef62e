namespace FaceEval.Inference.Models;

public enum InputNormalization
{
    /// <summary>(x - mean[c]) / std[c] with the declared per-channel constants.</summary>
    Fixed,

    /// <summary>Each image standardised by its own mean and standard deviation (FaceNet style).</summary>
    PerImage,
}
