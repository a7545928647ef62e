using FaceEval.Core.Embeddings;
using FaceEval.Core.Errors;
using FaceEval.Core.Numpy;

namespace FaceEval.Core.Snapshots;

/// <summary>
/// One model's embeddings handed to <see cref="SnapshotWriter"/> block by block while the file is
/// written, for content too large to hold a second time (a million 512-d faces is 2 GB as float32).
/// <see cref="Blocks"/> yields row-major float32 rows in face order, each block a whole number of rows;
/// a block may be reused by its producer once the next one is asked for.
/// </summary>
public sealed record StreamedEmbedding(string Name, int Dimension, string Provenance, IEnumerable<ReadOnlyMemory<float>> Blocks)
{
    /// <summary>Writes the .npy, refusing rows the loader would refuse and a row count other than <paramref name="faces"/>.</summary>
    internal void WriteTo(string path, int faces, CancellationToken cancellation)
    {
        if (Dimension <= 0)
        {
            throw new FaceEvalException(ErrorKind.DimensionMismatch, $"model '{Name}': dimension {Dimension}");
        }

        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("streamed embeddings are written as little-endian float32 bytes");
        }

        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
        stream.Write(NpyWriter.Header(faces, Dimension));
        long rows = 0;
        foreach (var block in Blocks)
        {
            cancellation.ThrowIfCancellationRequested();
            if (block.Length % Dimension != 0 || rows + block.Length / Dimension > faces)
            {
                throw Mismatch($"a block of {block.Length} values after {rows} rows", faces);
            }

            var span = block.Span;
            for (var r = 0; r < span.Length / Dimension; r++, rows++)
            {
                if (EmbeddingMatrix.RowProblem(span.Slice(r * Dimension, Dimension), out _) is { } problem)
                {
                    throw new FaceEvalException(ErrorKind.InvalidData, $"model '{Name}': embedding row {rows} {problem}");
                }
            }

            stream.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(span));
        }

        if (rows != faces)
        {
            throw Mismatch($"{rows} rows", faces);
        }
    }

    private FaceEvalException Mismatch(string what, int faces) =>
        new(ErrorKind.DimensionMismatch, $"model '{Name}': {what} do not make {faces} faces x dimension {Dimension}");
}
