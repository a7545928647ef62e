namespace FaceEval.Inference.Runtime;

/// <summary>Finds the FaceEval checkout (the folder holding FaceEval.sln) that default paths are relative to.</summary>
public static class RepositoryRoot
{
    public const string MarkerFile = "FaceEval.sln";

    /// <summary>
    /// Walks up from <paramref name="start"/> (default: the running assembly's folder) and returns the
    /// first folder containing <see cref="MarkerFile"/>, or null when there is none.
    /// </summary>
    public static string? Find(string? start = null)
    {
        for (var dir = new DirectoryInfo(start ?? AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, MarkerFile)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
