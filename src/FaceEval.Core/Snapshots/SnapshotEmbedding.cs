namespace FaceEval.Core.Snapshots;

/// <summary>
/// One model's embeddings to write into a snapshot: row-major float32 values, one row per face in
/// face order (Values.Length = faces x Dimension). Stored as given; loading normalises.
/// </summary>
/// <param name="Name">Model name; becomes the file name <c>embeddings/&lt;Name&gt;.npy</c>, so it must be a safe file name.</param>
public sealed record SnapshotEmbedding(string Name, float[] Values, int Dimension, string Provenance)
{
    /// <summary>The file the vectors were read from, recorded in the manifest; null when computed.</summary>
    public string? SourcePath { get; init; }
}
