namespace FaceEval.Inference.Models;

public enum ModelKind
{
    Detector,
    Embedder,
    Landmarks,
}
