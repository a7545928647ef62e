namespace FaceEval.Reports.Tests;

/// <summary>The repository root (found from the test binaries) and where test artefacts go.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRoot();

    /// <summary>test-results/ at the repository root (./test.sh collects it); created on demand.</summary>
    public static string Artefact(string name)
    {
        var dir = Path.Combine(RepoRoot, "test-results");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }

    private static string FindRoot() =>
        FaceEval.Core.IO.RepositoryRoot.Find() ?? throw new InvalidOperationException($"FaceEval.sln not found above {AppContext.BaseDirectory}");
}
