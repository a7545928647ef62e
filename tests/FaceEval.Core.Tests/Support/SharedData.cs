using System.Globalization;
using System.Text.RegularExpressions;

namespace FaceEval.Core.Tests.Support;

/// <summary>Minimal readers for ../shared research data (read in place, never copied).</summary>
internal static partial class SharedData
{
    public static string Root => Environment.GetEnvironmentVariable("FACEEVAL_SHARED") ?? "/work/shared";

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Reads a C-order little-endian float16 or float32 2-D .npy file.</summary>
    public static (float[] Data, int Rows, int Columns) ReadNpy(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream);
        reader.ReadBytes(6); // magic
        var major = reader.ReadByte();
        reader.ReadByte();
        var headerLength = major == 1 ? reader.ReadUInt16() : (int)reader.ReadUInt32();
        var header = new string(reader.ReadChars(headerLength));
        var descr = Descr().Match(header).Groups[1].Value;
        var shape = Shape().Match(header);
        var rows = int.Parse(shape.Groups[1].Value, CultureInfo.InvariantCulture);
        var columns = int.Parse(shape.Groups[2].Value, CultureInfo.InvariantCulture);
        var data = new float[rows * columns];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = descr == "<f2" ? (float)reader.ReadHalf() : descr == "<f4" ? reader.ReadSingle() : throw new InvalidDataException(descr);
        }

        return (data, rows, columns);
    }

    /// <summary>The named columns of a CSV without quoted fields.</summary>
    public static List<string[]> ReadColumns(string path, params string[] names)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        var index = names.Select(n => Array.IndexOf(header, n)).ToArray();
        return lines.Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            var cells = l.Split(',');
            return index.Select(i => cells[i]).ToArray();
        }).ToList();
    }

    [GeneratedRegex(@"'descr':\s*'([^']+)'")]
    private static partial Regex Descr();

    [GeneratedRegex(@"'shape':\s*\((\d+),\s*(\d+)\)")]
    private static partial Regex Shape();
}
