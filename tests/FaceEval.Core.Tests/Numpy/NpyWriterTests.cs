using FaceEval.Core.Numpy;

namespace FaceEval.Core.Tests.Numpy;

public class NpyWriterTests
{
    [Theory]
    [InlineData("save_f32_small")]
    [InlineData("save_f32_tall")]
    [InlineData("f32_le")]
    [InlineData("f32_wide")]
    [InlineData("f32_empty")]
    public void WritesTheSameBytesAsNumpySave(string name)
    {
        var (shape, values) = NpyFixtures.Values(name);
        using var stream = new MemoryStream();

        NpyWriter.Write(stream, values, shape[0], shape[1]);

        Assert.Equal(File.ReadAllBytes(NpyFixtures.Npy(name)), stream.ToArray());
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(14640, 512)]
    [InlineData(999_999_999, 3)]
    public void HeaderKeepsDataSixtyFourByteAligned(int rows, int columns)
    {
        var header = NpyWriter.Header(rows, columns);
        Assert.Equal(0, header.Length % 64);
        Assert.Equal((byte)'\n', header[^1]);
        Assert.Equal(1, header[6]);
    }

    [Fact]
    public void FileRoundTripsThroughTheReader()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "m.npy");
        float[] values = [1.5f, -0f, float.Epsilon, 3.4e38f, -2.25f, 1e-7f];

        NpyWriter.Write(path, values, 3, 2);
        var read = NpyReader.Read(path);

        Assert.Equal((3, 2, NpyElementType.Float32), (read.Rows, read.Columns, read.SourceType));
        Assert.Equal(values.Select(BitConverter.SingleToInt32Bits), read.Data.Select(BitConverter.SingleToInt32Bits));
        Assert.Single(Directory.GetFiles(dir.Path));
    }
}
