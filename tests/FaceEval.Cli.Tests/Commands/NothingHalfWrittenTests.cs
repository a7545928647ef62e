namespace FaceEval.Cli.Tests.Commands;

/// <summary>
/// A command that writes several files writes all of them or none (review of issue 12): one target that
/// cannot be written (here a directory in its place) leaves the others unwritten, and old ones unreplaced.
/// </summary>
public sealed class NothingHalfWrittenTests(DemoLibrary demo) : IClassFixture<DemoLibrary>
{
    private string[] Common => ["--config", demo.Config, "--snapshot", demo.Snapshot, "--model", "synthetic"];

    private string Folder(string name, string blocked)
    {
        var dir = demo.Path_(name + "-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(dir, blocked));
        return dir;
    }

    private static void AssertOneIoLine((int ExitCode, string Stdout, string Stderr) result)
    {
        Assert.True(result.ExitCode == 9, $"exit {result.ExitCode}: {result.Stdout}{result.Stderr}");
        Assert.StartsWith("faceeval: error: ", Assert.Single(result.Stderr.Trim().Split('\n')));
    }

    [Fact]
    public void SweepWritesNeitherFileWhenSweepJsonCannotBeWritten()
    {
        var dir = Folder("sweep", "sweep.json");
        AssertOneIoLine(CliProcess.Run(["sweep", .. Common, "--algorithm", "dbscan", "--param", "eps=0.4:0.5:0.05", "--out", dir]));
        Assert.False(File.Exists(Path.Combine(dir, "sweep.csv")));
        Assert.Equal([Path.Combine(dir, "sweep.json")], Directory.GetFileSystemEntries(dir));
    }

    [Fact]
    public void RunWritesNeitherFileWhenMetricsJsonCannotBeWritten()
    {
        var dir = Folder("run", "metrics.json");
        File.WriteAllText(Path.Combine(dir, "labels.csv"), "old");
        AssertOneIoLine(CliProcess.Run(["run", .. Common, "--algorithm", "dbscan", "--out", dir]));
        Assert.Equal("old", File.ReadAllText(Path.Combine(dir, "labels.csv")));
        Assert.Equal(2, Directory.GetFileSystemEntries(dir).Length);
    }

    [Fact]
    public void GateWritesNeitherReportWhenTheJUnitFileCannotBeWritten()
    {
        var dir = Folder("gate", "junit.xml");
        var report = Path.Combine(dir, "gate.json");
        AssertOneIoLine(CliProcess.Run(["gate", .. Common, "--algorithm", "dbscan", "--rule", "ari>=0", "--baseline", Path.Combine(dir, "none.json"),
            "--report", report, "--junit", Path.Combine(dir, "junit.xml")]));
        Assert.False(File.Exists(report));
        Assert.Single(Directory.GetFileSystemEntries(dir));
    }
}
