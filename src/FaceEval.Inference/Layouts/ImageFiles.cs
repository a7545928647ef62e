namespace FaceEval.Inference.Layouts;

/// <summary>
/// Which files of a folder are treated as images: every file at any depth except hidden ones and
/// side files (.csv, .txt, .md, .json). Anything else that does not decode is reported and skipped.
/// </summary>
internal static class ImageFiles
{
    private static readonly HashSet<string> SideFiles = new(StringComparer.OrdinalIgnoreCase) { ".csv", ".txt", ".md", ".json" };

    /// <summary>Paths relative to <paramref name="root"/>, '/' separated, sorted ordinally.</summary>
    public static List<string> Under(string root) =>
        Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden })
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Any(part => part.StartsWith('.')) && !SideFiles.Contains(Path.GetExtension(f)))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
}
