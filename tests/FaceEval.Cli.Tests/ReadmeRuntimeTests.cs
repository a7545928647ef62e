using System.Text.RegularExpressions;
using FaceEval.Inference.Runtime;

namespace FaceEval.Cli.Tests;

/// <summary>
/// The README's account of what runs at run time, checked against where the code loads ONNX Runtime from:
/// the default library is the npm package's <c>libonnxruntime.so.1</c>, so no sentence may say that package
/// is not used at run time without saying it supplies that library.
/// </summary>
public sealed class ReadmeRuntimeTests
{
    [Fact]
    public void Readme_does_not_say_the_npm_runtime_package_is_unused_at_run_time()
    {
        const string package = "onnxruntime-node";
        Assert.StartsWith($"tools/npm/node_modules/{package}/", OrtLibraryLocator.DefaultRelativePath, StringComparison.Ordinal);
        var library = Path.GetFileName(OrtLibraryLocator.DefaultRelativePath);

        var text = Regex.Replace(File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")), @"\s+", " ");
        var sentences = Regex.Split(text, @"(?<=[.!?]) (?=[A-Z`|#])");
        var mentions = sentences.Where(s => s.Contains(package, StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(mentions);
        foreach (var sentence in mentions.Where(s => Regex.IsMatch(s, @"\b(not|never|neither|nor)\b[^.]*\bused at run ?time", RegexOptions.IgnoreCase)))
        {
            Assert.True(sentence.Contains(library, StringComparison.Ordinal), $"README says {package} is not used at run time, yet it supplies {library}: \"{sentence}\"");
        }

        Assert.Contains(mentions, s => s.Contains(library, StringComparison.Ordinal));
    }

    private static string RepositoryRoot() =>
        FaceEval.Core.IO.RepositoryRoot.Find() ?? throw new InvalidOperationException($"no FaceEval.sln above {AppContext.BaseDirectory}");
}
