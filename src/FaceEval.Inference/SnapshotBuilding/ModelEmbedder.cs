using FaceEval.Imaging;
using FaceEval.Inference.Embedding;
using FaceEval.Inference.Models;

namespace FaceEval.Inference.SnapshotBuilding;

/// <summary><see cref="FaceEmbedder"/> as an <see cref="ICropEmbedder"/>.</summary>
public sealed class ModelEmbedder(FaceEmbedder embedder, AlignmentTemplate template) : ICropEmbedder
{
    public string Name => embedder.Spec.Name;

    public int Dimension => embedder.Dimension;

    public AlignmentTemplate Template => template;

    public float[] Embed(IReadOnlyList<RgbImage> crops) => embedder.Embed(crops).Data.ToArray();
}
