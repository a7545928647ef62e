namespace FaceEval.Core.IO;

/// <summary>
/// Finding a folder by what it holds, walking up from a start folder: the FaceEval checkout default
/// paths (models/, the ONNX Runtime library, test fixtures) are relative to, the git work tree a
/// baseline records the commit of, the nearest eval.config.json.
/// </summary>
public static class RepositoryRoot
{
    /// <summary>The file that marks the checkout's root folder.</summary>
    public const string MarkerFile = "FaceEval.sln";

    /// <summary>The first folder at or above <paramref name="start"/> (default: the running assembly's
    /// folder) holding <see cref="MarkerFile"/>, or null when there is none.</summary>
    public static string? Find(string? start = null) =>
        FileAbove(start ?? AppContext.BaseDirectory, MarkerFile) is { } marker ? Path.GetDirectoryName(marker) : null;

    /// <summary>The path of the nearest file named <paramref name="name"/> in <paramref name="start"/> or a folder above it, or null.</summary>
    public static string? FileAbove(string start, string name) =>
        Ancestors(start).Select(dir => Path.Combine(dir.FullName, name)).FirstOrDefault(File.Exists);

    /// <summary><paramref name="start"/> and every folder above it, nearest first.</summary>
    public static IEnumerable<DirectoryInfo> Ancestors(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            yield return dir;
        }
    }
}
