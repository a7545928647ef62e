namespace FaceEval.Reports.Tests.Browser;

/// <summary>A fact that needs snapshots/lfw (imported from ../shared by ./setup.sh); skipped, with the reason shown, when absent.</summary>
public sealed class LfwSnapshotFactAttribute : FactAttribute
{
    public LfwSnapshotFactAttribute()
    {
        if (!File.Exists(Path.Combine(TestPaths.RepoRoot, "snapshots", "lfw", "manifest.json")))
        {
            Skip = "snapshots/lfw not found (./setup.sh imports it when ../shared is present)";
        }
    }
}
