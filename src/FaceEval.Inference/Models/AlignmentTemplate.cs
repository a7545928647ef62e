namespace FaceEval.Inference.Models;

/// <summary>Where the five landmarks land in an aligned crop of Width x Height pixels.</summary>
public sealed record AlignmentTemplate
{
    public string Name { get; init; } = "";

    public int Width { get; init; }

    public int Height { get; init; }

    /// <summary>x0, y0, .. x4, y4 in landmark order: left eye, right eye, nose, left and right mouth corner (image left/right).</summary>
    public float[] Points { get; init; } = [];
}
