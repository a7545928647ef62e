using FaceEval.Core.Snapshots;

namespace FaceEval.Core.Synthetic;

/// <summary>A planned library: its tables in memory, its vectors produced while the snapshot is written.</summary>
public sealed class GeneratedLibrary(SnapshotContent content, StreamedEmbedding embedding)
{
    public SnapshotContent Content { get; } = content;

    public StreamedEmbedding Embedding { get; } = embedding;

    public Snapshot Write(string outDirectory, CancellationToken cancellation = default) =>
        SnapshotWriter.Write(Content, [Embedding], outDirectory, cancellation);
}
