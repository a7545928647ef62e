namespace FaceEval.Reports.Tests.Browser;

/// <summary>Bad input to report and compare is one line on stderr and a distinct exit code, and nothing is written.</summary>
[Collection(GeneratedReportsCollection.Name)]
public sealed class CommandErrorTests(GeneratedReports reports)
{
    [Fact]
    public void AMissingSweepFileIsFileNotFound()
    {
        var output = Path.Combine(reports.Root, "never");
        var (code, _, stderr) = Faceeval.Exec("report", "--sweep", Path.Combine(reports.Root, "no-such", "sweep.json"), "--out", output);
        Assert.Equal(3, code);
        Assert.StartsWith("faceeval: error: sweep file not found", stderr);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void CompareNeedsTwoModelsTheSnapshotHas()
    {
        var synth = Path.Combine(reports.Root, "synth");
        var (one, _, oneError) = Faceeval.Exec("compare", "--snapshot", synth, "--model", "synthetic", "--out", Path.Combine(reports.Root, "never"));
        Assert.Equal(2, one);
        Assert.Contains("at least two", oneError);
        var (unknown, _, unknownError) = Faceeval.Exec("compare", "--snapshot", synth, "--model", "synthetic", "--model", "nope", "--out", Path.Combine(reports.Root, "never"));
        Assert.Equal(6, unknown);
        Assert.Contains("no model 'nope'", unknownError);
    }
}
