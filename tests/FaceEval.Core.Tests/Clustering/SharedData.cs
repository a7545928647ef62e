using System.Text.RegularExpressions;
using FaceEval.Core.Embeddings;

namespace FaceEval.Core.Tests.Clustering;

/// <summary>
/// Research data in ../shared (never committed). Found by walking up from the test binaries; tests
/// using it are skipped when it is absent.
/// </summary>
internal static partial class SharedData
{
    public static string? Find(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "shared", relative);
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }

    /// <summary>The first <paramref name="rows"/> rows of a C-order float16 2-D .npy file.</summary>
    public static EmbeddingMatrix ReadFloat16Npy(string path, int rows)
    {
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream);
        var magic = reader.ReadBytes(6);
        Assert.Equal(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y' }, magic);
        var major = reader.ReadByte();
        reader.ReadByte();
        var headerLength = major == 1 ? reader.ReadUInt16() : (int)reader.ReadUInt32();
        var header = System.Text.Encoding.ASCII.GetString(reader.ReadBytes(headerLength));
        Assert.Contains("'descr': '<f2'", header);
        Assert.Contains("'fortran_order': False", header);
        var shape = ShapePattern().Match(header);
        var count = Math.Min(rows, int.Parse(shape.Groups[1].Value));
        var dimension = int.Parse(shape.Groups[2].Value);
        var data = new float[count * dimension];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (float)BitConverter.UInt16BitsToHalf(reader.ReadUInt16());
        }

        return EmbeddingMatrix.FromRowMajor(data, count, dimension);
    }

    [GeneratedRegex(@"'shape': \((\d+), (\d+)\)")]
    private static partial Regex ShapePattern();
}

/// <summary>A fact that is skipped when a file under ../shared is missing.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(string relative)
    {
        if (SharedData.Find(relative) is null)
        {
            Skip = $"../shared/{relative} is absent";
        }
    }
}
