using System.Diagnostics;

namespace FaceEval.Reports.Tests;

/// <summary>Runs the built CLI (faceeval.dll beside the tests) in a child process, as a user would.</summary>
internal static class Faceeval
{
    public static string Run(params string[] args)
    {
        var (code, stdout, stderr) = Exec(args);
        Assert.True(code == 0, $"faceeval {string.Join(' ', args)} exited {code}: {stderr}");
        return stdout;
    }

    public static (int Code, string Stdout, string Stderr) Exec(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "faceeval.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"faceeval {string.Join(' ', args)} did not finish");
        }

        return (process.ExitCode, stdout, stderr.Result);
    }
}
