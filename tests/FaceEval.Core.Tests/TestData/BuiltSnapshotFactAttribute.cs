namespace FaceEval.Core.Tests.TestData;

/// <summary>
/// A fact that needs a snapshot ./setup.sh builds under snapshots/ from the shared data (fiw, lfw); it is
/// skipped, with the reason shown, when that snapshot is absent.
/// </summary>
public sealed class BuiltSnapshotFactAttribute : FactAttribute
{
    public BuiltSnapshotFactAttribute(string name)
    {
        if (!File.Exists(Path.Combine(Directory(name), "manifest.json")))
        {
            Skip = $"snapshots/{name} not built (./setup.sh builds it from ../shared)";
        }
    }

    public static string Directory(string name) => Path.Combine(RepoPaths.RepoRoot, "snapshots", name);
}
