namespace FaceEval.Core.Snapshots;

/// <summary>One embedding model stored in a snapshot.</summary>
/// <param name="File">Path of its .npy file relative to the snapshot, always <c>embeddings/&lt;Name&gt;.npy</c>.</param>
/// <param name="Provenance">Free text: where the vectors came from (source file, its dtype and sha256, or the model run).</param>
/// <param name="SourcePath">The file they were imported from, when imported; null when computed.</param>
public sealed record SnapshotModel(string Name, int Dimension, string File, string Provenance, string? SourcePath);
