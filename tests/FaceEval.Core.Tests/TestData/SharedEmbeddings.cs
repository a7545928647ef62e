using FaceEval.Core.Embeddings;
using FaceEval.Core.Numpy;

namespace FaceEval.Core.Tests.TestData;

/// <summary>
/// Reads the ready-made exports in ../shared/embeddings in place (research-only data, never copied),
/// through the product's own .npy reader. Callers are <see cref="SharedDataFactAttribute"/> tests.
/// </summary>
internal static class SharedEmbeddings
{
    /// <summary>The first <paramref name="rows"/> faces (all when null) of <c>embeddings/&lt;dataset&gt;/&lt;model&gt;.npy</c>.</summary>
    public static EmbeddingMatrix Load(string dataset, string model, int? rows = null)
    {
        var path = RepoPaths.Shared("embeddings", dataset, model + ".npy")
            ?? throw new InvalidOperationException($"shared embeddings {dataset}/{model} are absent; guard the test with [SharedDataFact]");
        var matrix = NpyReader.Read(path);
        var count = Math.Min(rows ?? matrix.Rows, matrix.Rows);
        return EmbeddingMatrix.FromRowMajor(matrix.Data.AsSpan(0, count * matrix.Columns).ToArray(), count, matrix.Columns);
    }

    /// <summary>The named columns of <c>embeddings/&lt;dataset&gt;/faces.csv</c>, one array per face (the export has no quoted fields).</summary>
    public static List<string[]> FaceColumns(string dataset, params string[] names)
    {
        var path = RepoPaths.Shared("embeddings", dataset, "faces.csv")!;
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        var index = names.Select(n => Array.IndexOf(header, n)).ToArray();
        return lines.Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            var cells = l.Split(',');
            return index.Select(i => cells[i]).ToArray();
        }).ToList();
    }
}
