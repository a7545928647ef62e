namespace FaceEval.Inference.Models;

/// <summary>
/// What a model's input tensor wants. <see cref="Mean"/> and <see cref="Std"/> are per channel in
/// tensor order (after any RGB/BGR swap), on 0..255 pixel values.
/// </summary>
public sealed record ModelInput
{
    /// <summary>Input tensor name; null means the model's only input.</summary>
    public string? Name { get; init; }

    /// <summary>Fixed input width; for <see cref="DynamicSize"/> models the preferred longest side.</summary>
    public int Width { get; init; }

    public int Height { get; init; }

    /// <summary>Height and width may be any multiple of <see cref="SizeMultiple"/>.</summary>
    public bool DynamicSize { get; init; }

    public int SizeMultiple { get; init; } = 1;

    /// <summary>The batch dimension is symbolic, so several images go in one run.</summary>
    public bool DynamicBatch { get; init; }

    /// <summary>
    /// False when a face's output depends on the other images of its batch (dynamic int8 quantisation
    /// computes one scale per batch); such models run one image at a time so results are reproducible.
    /// </summary>
    public bool BatchInvariant { get; init; } = true;

    public AxisOrder Axes { get; init; } = AxisOrder.Nchw;

    public ChannelOrder Channels { get; init; } = ChannelOrder.Rgb;

    public InputNormalization Normalization { get; init; } = InputNormalization.Fixed;

    public float[] Mean { get; init; } = [];

    public float[] Std { get; init; } = [];

    public int ChannelCount => Channels == ChannelOrder.Grey ? 1 : 3;
}
