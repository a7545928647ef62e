using System.Runtime.InteropServices;
using FaceEval.Core.Embeddings;
using FaceEval.Core.Numpy;

namespace FaceEval.Benchmarks.SideBySide;

/// <summary>The files compare.sh writes: labels as raw little-endian int32, embeddings as float32 .npy.</summary>
public sealed class SideBySideInputs(string? directory)
{
    private EmbeddingMatrix? _embeddings;

    public string? Directory { get; } = directory;

    public bool Has(string file) => Directory is not null && File.Exists(Path.Combine(Directory, file));

    public int[] Int32(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Directory!, file));
        return MemoryMarshal.Cast<byte, int>(bytes).ToArray();
    }

    public EmbeddingMatrix Embeddings(string file)
    {
        if (_embeddings is null)
        {
            var npy = NpyReader.Read(Path.Combine(Directory!, file));
            _embeddings = EmbeddingMatrix.FromRowMajor(npy.Data, npy.Rows, npy.Columns);
        }

        return _embeddings;
    }
}
