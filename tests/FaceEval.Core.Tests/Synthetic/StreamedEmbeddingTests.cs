using FaceEval.Core.Errors;
using FaceEval.Core.Snapshots;

namespace FaceEval.Core.Tests.Synthetic;

/// <summary>
/// SnapshotWriter's streamed models (what the library profile writes through): the bytes equal the
/// in-memory path's, and rows the loader would refuse, or too few or too many, leave nothing behind.
/// </summary>
public sealed class StreamedEmbeddingTests
{
    private const int Faces = 5;
    private const int Dimension = 3;

    [Fact]
    public void StreamingTheRowsInBlocksGivesTheSnapshotTheArrayGives()
    {
        using var dir = new TempDirectory();
        var values = Enumerable.Range(0, Faces * Dimension).Select(i => (float)Math.Sin(i + 1)).ToArray();
        var inMemory = SnapshotWriter.Write(Content([new SnapshotEmbedding("m", values, Dimension, "p")]), dir.Combine("a"));
        var streamed = SnapshotWriter.Write(Content([]), [Streamed(values, 2, 3)], dir.Combine("b"));

        Assert.Equal(inMemory.Id, streamed.Id);
        Assert.Equal(values, streamed.LoadEmbeddingValues("m").Data);
    }

    [Theory]
    [InlineData(4, ErrorKind.DimensionMismatch)]
    [InlineData(6, ErrorKind.DimensionMismatch)]
    [InlineData(-1, ErrorKind.InvalidData)]
    public void RowsTheLoaderWouldRefuseLeaveNothingBehind(int rows, ErrorKind kind)
    {
        using var dir = new TempDirectory();
        var values = Enumerable.Range(0, Math.Abs(rows == -1 ? Faces : rows) * Dimension).Select(i => 1f + i).ToArray();
        if (rows == -1)
        {
            values[7] = float.NaN;
        }

        var ex = Assert.Throws<FaceEvalException>(() => SnapshotWriter.Write(Content([]), [Streamed(values, 2)], dir.Combine("s")));

        Assert.Equal(kind, ex.Kind);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public void AStreamedModelNamedLikeAnArrayOneIsRefused()
    {
        using var dir = new TempDirectory();
        var values = new float[Faces * Dimension];
        Array.Fill(values, 1f);
        var ex = Assert.Throws<FaceEvalException>(() =>
            SnapshotWriter.Write(Content([new SnapshotEmbedding("m", values, Dimension, "p")]), [Streamed(values, 5) with { Name = "M" }], dir.Combine("s")));
        Assert.Equal(ErrorKind.InvalidData, ex.Kind);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    private static StreamedEmbedding Streamed(float[] values, params int[] blockRows) => new("m", Dimension, "p", Blocks(values, blockRows));

    /// <summary>The rows cut into blocks of the given row counts (the last repeated), each in a reused buffer.</summary>
    private static IEnumerable<ReadOnlyMemory<float>> Blocks(float[] values, int[] blockRows)
    {
        var buffer = new float[blockRows.Max() * Dimension];
        for (int at = 0, b = 0; at < values.Length; b++)
        {
            var length = Math.Min(blockRows[Math.Min(b, blockRows.Length - 1)] * Dimension, values.Length - at);
            values.AsSpan(at, length).CopyTo(buffer);
            yield return buffer.AsMemory(0, length);
            Array.Clear(buffer);
            at += length;
        }
    }

    private static SnapshotContent Content(IReadOnlyList<SnapshotEmbedding> embeddings) =>
        new([SnapshotLayout.FaceIdColumn, SnapshotLayout.PersonColumn, SnapshotLayout.PhotoColumn],
            Enumerable.Range(0, Faces).Select(i => (IReadOnlyList<string>)[$"f{i}", i < 3 ? "a" : "b", $"p{i}"]).ToArray(),
            embeddings, [], "test");
}
