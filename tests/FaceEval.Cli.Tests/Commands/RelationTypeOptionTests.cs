namespace FaceEval.Cli.Tests.Commands;

/// <summary>
/// A --relation-types the user typed must name relations the snapshot has: a misspelt type used to make
/// sibling_confusion null, so a gate rule on it passed as "not applicable" while the true value failed it.
/// </summary>
public sealed class RelationTypeOptionTests(DemoLibrary demo) : IClassFixture<DemoLibrary>
{
    [Theory]
    [InlineData("run", "--algorithm", "dbscan")]
    [InlineData("sweep", "--algorithm", "dbscan", "--param", "eps=0.4,0.5", "--out", "{missing}")]
    [InlineData("gate", "--algorithm", "dbscan", "--rule", "sibling_confusion<=0.01", "--report", "{missing}")]
    public void AMisspeltRelationTypeIsAnUnknownName(params string[] command)
    {
        var missing = demo.Path_("no-such-" + Guid.NewGuid().ToString("N"));
        string[] args = [command[0], "--config", demo.Config, "--snapshot", demo.Snapshot, "--model", "synthetic",
            .. command.Skip(1).Select(a => a == "{missing}" ? missing : a), "--relation-types", "sibbling"];

        var (code, stdout, stderr) = CliProcess.Run(args);

        Assert.True(code == 6, $"exit {code}: {stdout}{stderr}");
        var line = Assert.Single(stderr.Trim().Split('\n'));
        Assert.Equal("faceeval: error: relation type 'sibbling' matches no relation of this snapshot; it has parent-child, sibling, spouse", line);
        Assert.False(Directory.Exists(missing) || File.Exists(missing));
    }

    [Fact]
    public void TypesThatMatchAreScoredAndTheDefaultNeedsNoMatch()
    {
        var siblings = CliProcess.Run("run", "--config", demo.Config, "--snapshot", demo.Snapshot, "--model", "synthetic", "--algorithm", "dbscan", "--relation-types", "Sibling,twin*", "--json");
        Assert.True(siblings.ExitCode == 0, siblings.Stderr);
        Assert.DoesNotContain("\"sibling_confusion\": null", siblings.Stdout);

        // An empty config: the default sibling,twin* applies, and the demo has no twins; that is no error.
        var byDefault = CliProcess.Run("run", "--config", demo.Config, "--snapshot", demo.Snapshot, "--model", "synthetic", "--algorithm", "dbscan", "--json");
        Assert.True(byDefault.ExitCode == 0, byDefault.Stderr);
        Assert.Equal(siblings.Stdout, byDefault.Stdout);
    }
}
