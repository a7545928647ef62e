using FaceEval.Imaging;
using FaceEval.Inference.Models;

namespace FaceEval.Inference.SnapshotBuilding;

/// <summary>An embedding model as the pipeline sees it: crops aligned to <see cref="Template"/> in, L2-normalised rows out.</summary>
public interface ICropEmbedder
{
    string Name { get; }

    int Dimension { get; }

    AlignmentTemplate Template { get; }

    /// <summary>Row-major, <c>crops.Count x Dimension</c>.</summary>
    float[] Embed(IReadOnlyList<RgbImage> crops);
}
