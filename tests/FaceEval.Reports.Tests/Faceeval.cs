using FaceEval.Cli.Tests.Commands;

namespace FaceEval.Reports.Tests;

/// <summary>Runs the built CLI in a child process (the Cli tests' <see cref="CliProcess"/>, linked in) and insists it succeeds.</summary>
internal static class Faceeval
{
    public static string Run(params string[] args)
    {
        var (code, stdout, stderr) = Exec(args);
        Assert.True(code == 0, $"faceeval {string.Join(' ', args)} exited {code}: {stderr}");
        return stdout;
    }

    public static (int Code, string Stdout, string Stderr) Exec(params string[] args) => CliProcess.Run(args);
}
