namespace FaceEval.Inference.SnapshotBuilding;

/// <summary>A kept face in the build journal: box, score, landmarks (image pixels), crop file and one float32 row per model.</summary>
internal sealed record FaceRecord(float X, float Y, float W, float H, float Score, float[] Landmarks, bool Subject, double Sharpness, string Crop, Dictionary<string, byte[]> Embeddings);
