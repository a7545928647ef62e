namespace FaceEval.Imaging.Tests;

/// <summary>
/// ../shared, the research data beside the checkout (FACEEVAL_SHARED, else a <c>shared</c> folder with
/// <c>datasets/</c> next to any folder above the test binaries, so worktrees one level deeper find it too).
/// </summary>
internal static class SharedData
{
    public static string? Root { get; } = Find();

    private static string? Find()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("FACEEVAL_SHARED");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Directory.Exists(fromEnvironment) ? fromEnvironment : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "datasets")))
            {
                return candidate;
            }
        }

        return null;
    }
}

/// <summary>A fact skipped (saying why) when the ../shared dataset folder it reads is absent.</summary>
public sealed class SharedDatasetFactAttribute : FactAttribute
{
    public SharedDatasetFactAttribute(string dataset)
    {
        if (SharedData.Root is null || !Directory.Exists(Path.Combine(SharedData.Root, "datasets", dataset)))
        {
            Skip = $"../shared/datasets/{dataset} absent";
        }
    }
}
