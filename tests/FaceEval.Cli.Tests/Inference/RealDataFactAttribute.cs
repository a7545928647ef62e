using FaceEval.Core.IO;
using FaceEval.Inference.Runtime;

namespace FaceEval.Cli.Tests.Inference;

/// <summary>
/// A fact that is skipped, saying why, when what it runs on is absent: the ../shared datasets (lfw and
/// tskinface-fmsd), the ONNX Runtime library ./setup.sh fetches, or one of the model files under models/.
/// </summary>
public sealed class RealDataFactAttribute : FactAttribute
{
    public RealDataFactAttribute(params string[] models)
    {
        var root = RepositoryRoot.Find();
        if (root is null)
        {
            Skip = "repository root not found";
        }
        else if (SharedDatasets() is null)
        {
            Skip = "../shared/datasets/lfw and tskinface-fmsd absent";
        }
        else if (!OrtFound(root))
        {
            Skip = "ONNX Runtime library absent (run ./setup.sh or set $" + OrtLibraryLocator.EnvironmentVariable + ")";
        }
        else if (models.FirstOrDefault(m => !File.Exists(Path.Combine(root, "models", m))) is { } missing)
        {
            Skip = $"models/{missing} absent (run ./setup.sh)";
        }
    }

    private static bool OrtFound(string root)
    {
        try
        {
            OrtLibraryLocator.Resolve(repositoryRoot: root);
            return true;
        }
        catch (FaceEval.Core.Errors.FaceEvalException)
        {
            return false;
        }
    }

    /// <summary>The datasets folder of the nearest ../shared that has both datasets, or null.</summary>
    public static string? SharedDatasets()
    {
        var root = RepositoryRoot.Find();
        for (var dir = root is null ? null : Directory.GetParent(root); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "datasets");
            if (Directory.Exists(Path.Combine(candidate, "lfw")) && Directory.Exists(Path.Combine(candidate, "tskinface-fmsd")))
            {
                return candidate;
            }
        }

        return null;
    }
}
