using FaceEval.Imaging;
using FaceEval.Inference.Detection;

namespace FaceEval.Inference.SnapshotBuilding;

/// <summary>A face detector as the pipeline sees it; must allow concurrent calls.</summary>
public interface IFaceFinder
{
    string Name { get; }

    IReadOnlyList<DetectedFace> Find(RgbImage image);
}
