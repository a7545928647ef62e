using FaceEval.Core.Errors;
using FaceEval.Core.IO;

namespace FaceEval.Inference.Runtime;

/// <summary>
/// Decides which libonnxruntime to load: an explicit path (config or option), else the
/// <see cref="EnvironmentVariable"/>, else <see cref="DefaultRelativePath"/> under the repository root
/// (filled by setup.sh). An explicit or environment path that does not exist is an error, never a
/// silent fall-back to another library.
/// </summary>
public static class OrtLibraryLocator
{
    public const string EnvironmentVariable = "FACEEVAL_ORT_LIB";

    public const string DefaultRelativePath = "tools/npm/node_modules/onnxruntime-node/bin/napi-v6/linux/x64/libonnxruntime.so.1";

    public static string Resolve(string? explicitPath = null, string? repositoryRoot = null)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return Existing(Path.GetFullPath(explicitPath), "the configured path");
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Existing(Path.GetFullPath(fromEnvironment), $"${EnvironmentVariable}");
        }

        var root = repositoryRoot ?? RepositoryRoot.Find();
        if (root is null)
        {
            throw new FaceEvalException(ErrorKind.FileNotFound,
                $"ONNX Runtime library not found: no path configured, ${EnvironmentVariable} unset, and no {RepositoryRoot.MarkerFile} above {AppContext.BaseDirectory} to find {DefaultRelativePath}");
        }

        return Existing(Path.GetFullPath(Path.Combine(root, DefaultRelativePath)), "the default location (run ./setup.sh)");
    }

    private static string Existing(string path, string origin) =>
        File.Exists(path)
            ? path
            : throw new FaceEvalException(ErrorKind.FileNotFound, $"ONNX Runtime library not found at {path} ({origin})");
}
