using FaceEval.Core.IO;
using FaceEval.Inference.Runtime;

namespace FaceEval.Inference.Tests;

/// <summary>Where the tests find the checkout, the ONNX Runtime library and ../shared (models, photos).</summary>
internal static class TestPaths
{
    public static string RepositoryRootPath { get; } =
        RepositoryRoot.Find() ?? throw new InvalidOperationException("tests must run inside the FaceEval checkout");

    public static string FixturesPath { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static string DefaultOrtLibrary { get; } = Path.Combine(RepositoryRootPath, OrtLibraryLocator.DefaultRelativePath);

    /// <summary>../shared of the checkout, or of any folder above it (worktrees sit one level deeper).</summary>
    public static string? Shared { get; } = FindShared();

    public static string? SharedModels => Shared is null ? null : Path.Combine(Shared, "models");

    public static bool HasOrt => File.Exists(DefaultOrtLibrary) || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(OrtLibraryLocator.EnvironmentVariable));

    public static bool HasModel(string file) => SharedModels is not null && File.Exists(Path.Combine(SharedModels, file));

    public static string ModelsJson => Path.Combine(RepositoryRootPath, "models", "models.json");

    private static string? FindShared()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("FACEEVAL_SHARED");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Directory.Exists(fromEnvironment) ? fromEnvironment : null;
        }

        for (var dir = Directory.GetParent(RepositoryRootPath); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "models")))
            {
                return candidate;
            }
        }

        return null;
    }
}
