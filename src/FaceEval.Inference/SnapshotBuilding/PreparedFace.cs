using FaceEval.Imaging;
using FaceEval.Inference.Detection;

namespace FaceEval.Inference.SnapshotBuilding;

/// <summary>A kept face: detection, subject flag, sharpness, one crop per embedder and the stored crop as JPEG.</summary>
internal sealed record PreparedFace(DetectedFace Face, bool Subject, double Sharpness, RgbImage[] Crops, byte[] Jpeg);
