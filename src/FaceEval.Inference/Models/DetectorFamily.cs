namespace FaceEval.Inference.Models;

/// <summary>How a detector's raw outputs are decoded into faces.</summary>
public enum DetectorFamily
{
    Yunet,
    Scrfd,
    RetinaFace,
    UltraFace,
}
