using FaceEval.Imaging;
using FaceEval.Inference.Detection;

namespace FaceEval.Inference.SnapshotBuilding;

/// <summary><see cref="FaceDetector"/> (one ONNX Runtime session, safe to run concurrently) as an <see cref="IFaceFinder"/>.</summary>
public sealed class DetectorFinder(FaceDetector detector) : IFaceFinder
{
    public string Name => detector.Spec.Name;

    public IReadOnlyList<DetectedFace> Find(RgbImage image) => detector.Detect(image);
}
