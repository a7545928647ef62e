namespace FaceEval.Core.Tests.TestData;

/// <summary>Finds the repository (and the shared data beside it) from the test binaries' location.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> Root = new(() =>
        FaceEval.Core.IO.RepositoryRoot.Find() ?? throw new InvalidOperationException($"FaceEval.sln not found above {AppContext.BaseDirectory}"));

    public static string RepoRoot => Root.Value;

    public static string Fixture(params string[] parts) =>
        Path.Combine([RepoRoot, "tests", "FaceEval.Core.Tests", "Fixtures", .. parts]);

    /// <summary>
    /// The shared data folder: FACEEVAL_SHARED when set, else the nearest <c>shared/</c> beside the
    /// repository or one of its ancestors (a git worktree sits one level deeper than the main clone).
    /// Null when there is none.
    /// </summary>
    public static string? Shared(params string[] parts)
    {
        var env = Environment.GetEnvironmentVariable("FACEEVAL_SHARED");
        var candidates = new List<string>();
        if (!string.IsNullOrEmpty(env))
        {
            candidates.Add(env);
        }

        for (var dir = Directory.GetParent(RepoRoot); dir is not null; dir = dir.Parent)
        {
            candidates.Add(Path.Combine(dir.FullName, "shared"));
        }

        foreach (var candidate in candidates)
        {
            var path = Path.Combine([candidate, .. parts]);
            if (Directory.Exists(path) || File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }
}
