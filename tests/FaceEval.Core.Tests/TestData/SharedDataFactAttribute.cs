namespace FaceEval.Core.Tests.TestData;

/// <summary>
/// A fact that needs a folder of the shared (research-only, never committed) data; it is skipped,
/// with the reason shown, when that folder is absent.
/// </summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(string relativePath)
    {
        RelativePath = relativePath;
        if (RepoPaths.Shared(relativePath.Split('/')) is null)
        {
            Skip = $"shared data '{relativePath}' not found (set FACEEVAL_SHARED or place it at ../shared)";
        }
    }

    public string RelativePath { get; }
}
