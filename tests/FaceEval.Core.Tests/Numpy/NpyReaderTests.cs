using FaceEval.Core.Errors;
using FaceEval.Core.Numpy;

namespace FaceEval.Core.Tests.Numpy;

public class NpyReaderTests
{
    [Theory]
    [InlineData("f16_le", NpyElementType.Float16)]
    [InlineData("f16_be", NpyElementType.Float16)]
    [InlineData("f32_le", NpyElementType.Float32)]
    [InlineData("f32_be", NpyElementType.Float32)]
    [InlineData("f64_le", NpyElementType.Float64)]
    [InlineData("f64_be", NpyElementType.Float64)]
    [InlineData("f32_v2", NpyElementType.Float32)]
    [InlineData("f32_v3", NpyElementType.Float32)]
    [InlineData("f32_wide", NpyElementType.Float32)]
    [InlineData("f32_empty", NpyElementType.Float32)]
    public void ReadsExactlyWhatNumpyConvertsToFloat32(string name, NpyElementType type)
    {
        var (shape, expected) = NpyFixtures.Values(name);

        var fromFile = NpyReader.Read(NpyFixtures.Npy(name));
        var fromBytes = NpyReader.Read(File.ReadAllBytes(NpyFixtures.Npy(name)), name);

        foreach (var m in new[] { fromFile, fromBytes })
        {
            Assert.Equal(type, m.SourceType);
            Assert.Equal(shape[0], m.Rows);
            Assert.Equal(shape[1], m.Columns);
            // Bit-exact: compares -0 and +0 apart, and any rounding difference.
            Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), m.Data.Select(BitConverter.SingleToInt32Bits));
        }
    }

    [Fact]
    public void HeaderReportsVersionTypeAndByteOrder()
    {
        var v2 = NpyReader.ReadHeader(NpyFixtures.Npy("f32_v2"));
        Assert.Equal(2, v2.MajorVersion);
        Assert.Equal(0, v2.DataOffset % 64);

        var be = NpyReader.ReadHeader(NpyFixtures.Npy("f16_be"));
        Assert.Equal((1, NpyElementType.Float16, true, 5, 7, ">f2"), (be.MajorVersion, be.ElementType, be.BigEndian, be.Rows, be.Columns, be.Descr));
    }

    [Theory]
    [InlineData("bad_fortran", "Fortran order")]
    [InlineData("bad_int32", "unsupported dtype '<i4'")]
    [InlineData("bad_1d", "1 dimensions")]
    [InlineData("bad_3d", "3 dimensions")]
    public void RefusesWhatItCannotRepresentNamingTheFile(string name, string reason)
    {
        var path = NpyFixtures.Npy(name);
        var ex = Assert.Throws<FaceEvalException>(() => NpyReader.Read(path));
        Assert.Equal(ErrorKind.InvalidData, ex.Kind);
        Assert.Contains(path, ex.Message);
        Assert.Contains(reason, ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Theory]
    [InlineData(5, "not a .npy file")]
    [InlineData(9, "not a .npy file")]
    [InlineData(40, "truncated")]
    [InlineData(127, "truncated")]
    [InlineData(128 + 5 * 7 * 4 - 1, "truncated")]
    public void TruncatedFilesAreInvalidDataNamingTheFile(int keep, string reason)
    {
        var bytes = File.ReadAllBytes(NpyFixtures.Npy("f32_le"))[..keep];
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "cut.npy");
        File.WriteAllBytes(path, bytes);

        foreach (var read in new Func<object>[] { () => NpyReader.Read(path), () => NpyReader.Read(bytes, path), () => NpyReader.ReadHeader(path) })
        {
            var ex = Assert.Throws<FaceEvalException>(read);
            Assert.Equal(ErrorKind.InvalidData, ex.Kind);
            Assert.Contains(path, ex.Message);
            Assert.Contains(reason, ex.Message);
        }
    }

    [Fact]
    public void TrailingBytesAndBadMagicAndBadHeaderAreRefused()
    {
        var good = File.ReadAllBytes(NpyFixtures.Npy("f32_le"));
        Assert.Contains("unexpected bytes", Assert.Throws<FaceEvalException>(() => NpyReader.Read([.. good, 0], "x.npy")).Message);

        var magic = (byte[])good.Clone();
        magic[1] = (byte)'X';
        Assert.Contains("magic", Assert.Throws<FaceEvalException>(() => NpyReader.Read(magic, "x.npy")).Message);

        var version = (byte[])good.Clone();
        version[6] = 9;
        Assert.Contains("version 9.0", Assert.Throws<FaceEvalException>(() => NpyReader.Read(version, "x.npy")).Message);

        var header = (byte[])good.Clone();
        header[10] = (byte)'[';
        Assert.Contains("malformed header", Assert.Throws<FaceEvalException>(() => NpyReader.Read(header, "x.npy")).Message);
    }

    [Fact]
    public void MissingFileIsFileNotFound()
    {
        var ex = Assert.Throws<FaceEvalException>(() => NpyReader.Read("/nonexistent/e.npy"));
        Assert.Equal(ErrorKind.FileNotFound, ex.Kind);
    }
}
