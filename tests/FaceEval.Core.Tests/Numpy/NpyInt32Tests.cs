using FaceEval.Core.Errors;
using FaceEval.Core.Numpy;

namespace FaceEval.Core.Tests.Numpy;

/// <summary>int32 .npy (neighbour ids of the graph cache) against a file numpy itself saved: np.arange(12, dtype='&lt;i4').reshape(3, 4).</summary>
public class NpyInt32Tests
{
    [Fact]
    public void WritesTheSameBytesAsNumpySaveAndReadsThemBack()
    {
        var numpy = File.ReadAllBytes(NpyFixtures.Npy("bad_int32"));
        using var stream = new MemoryStream();

        NpyWriter.Write(stream, Enumerable.Range(0, 12).ToArray().AsSpan(), 3, 4);

        Assert.Equal(numpy, stream.ToArray());
        using var read = new MemoryStream(numpy);
        var (data, rows, columns) = NpyReader.ReadInt32(read, "ids.npy");
        Assert.Equal((3, 4), (rows, columns));
        Assert.Equal(Enumerable.Range(0, 12), data);
    }

    [Fact]
    public void TheFloatReadersStillRefuseIntegersAndTheIntegerReaderRefusesFloats()
    {
        Assert.Equal(ErrorKind.InvalidData, Assert.Throws<FaceEvalException>(() => NpyReader.Read(NpyFixtures.Npy("bad_int32"))).Kind);
        Assert.Equal(ErrorKind.InvalidData, Assert.Throws<FaceEvalException>(() => NpyReader.ReadHeader(NpyFixtures.Npy("bad_int32"))).Kind);
        using var floats = File.OpenRead(NpyFixtures.Npy("f32_le"));
        var e = Assert.Throws<FaceEvalException>(() => NpyReader.ReadInt32(floats, "f32_le.npy"));
        Assert.Contains("expected int32", e.Message);
    }
}
