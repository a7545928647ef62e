using System.CommandLine;

namespace FaceEval.Cli.Tests.Commands;

/// <summary>
/// Failures the commands did not anticipate still end as one line and a documented exit code. The
/// faults come from FACEEVAL_FAULT, which the CLI reads at one place, after parsing, before the command runs.
/// </summary>
public sealed class CliHostTests
{
    private const string StackFrame = "   at ";

    [Fact]
    public void ABugIsOneLineAndExit70WithoutAStack()
    {
        var (code, stdout, stderr) = Faulty("argument", debug: null, "algorithms");

        Assert.Equal(70, code);
        Assert.Equal("", stdout);
        var line = Assert.Single(Lines(stderr));
        Assert.Equal("faceeval: internal error: System.ArgumentException: injected fault (Parameter 'knee') (please report)", line);
    }

    [Fact]
    public void VerboseOrTheDebugVariableAddsTheStack()
    {
        var verbose = Faulty("argument", debug: null, "algorithms", "--verbose");
        var debug = Faulty("argument", debug: "1", "algorithms");

        foreach (var (code, _, stderr) in new[] { verbose, debug })
        {
            Assert.Equal(70, code);
            Assert.StartsWith("faceeval: internal error: System.ArgumentException: injected fault", stderr);
            Assert.Contains(StackFrame, stderr);
            Assert.Contains("InjectFault", stderr);
        }
    }

    [Fact]
    public void AFaceEvalExceptionFromParallelWorkKeepsItsOwnLineAndCode()
    {
        var (code, _, stderr) = Faulty("aggregate-faceeval", debug: null, "algorithms");

        Assert.Equal(4, code);
        var line = Assert.Single(Lines(stderr));
        Assert.StartsWith("faceeval: error: injected fault in parallel item ", line);
    }

    [Theory]
    [InlineData("aggregate-several", 5, "faceeval: error: injected first fault")]
    [InlineData("invocation-faceeval", 7, "faceeval: error: injected fault behind reflection")]
    [InlineData("directory-not-found", 3, "faceeval: error: injected missing directory")]
    [InlineData("aggregate-argument", 70, "faceeval: internal error: System.ArgumentOutOfRangeException: injected fault in parallel work")]
    public void WrappedFailuresAreUnwrappedToTheFirstOne(string fault, int expectedCode, string expectedStart)
    {
        var (code, _, stderr) = Faulty(fault, debug: null, "algorithms");

        Assert.Equal(expectedCode, code);
        var line = Assert.Single(Lines(stderr));
        Assert.StartsWith(expectedStart, line);
        Assert.DoesNotContain("AggregateException", line);
    }

    [Fact]
    public void EveryCommandAcceptsVerbose()
    {
        var commands = Leaves(Program.Routes(), []).ToArray();
        Assert.Contains(["sweep"], commands);
        Assert.Contains(["snapshot", "create"], commands);
        foreach (var path in commands)
        {
            var (code, stdout, stderr) = CliProcess.Run([.. path, "--verbose", "--help"]);
            Assert.True(code == 0, $"faceeval {string.Join(' ', path)} --verbose --help: exit {code}: {stderr}");
            Assert.Contains("--verbose", stdout);
        }
    }

    [Fact]
    public void VerboseDoesNotChangeAKnownError()
    {
        var (code, _, stderr) = CliProcess.Run("snapshot", "verify", Path.Combine(Path.GetTempPath(), "faceeval-no-such-snapshot"), "--verbose");

        Assert.Equal(3, code);
        Assert.StartsWith("faceeval: error: ", Assert.Single(Lines(stderr)));
    }

    private static (int ExitCode, string Stdout, string Stderr) Faulty(string fault, string? debug, params string[] args) =>
        CliProcess.RunWith(new Dictionary<string, string?> { ["FACEEVAL_FAULT"] = fault, ["FACEEVAL_DEBUG"] = debug }, args);

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static IEnumerable<string[]> Leaves(Command command, string[] path)
    {
        var subcommands = command.Subcommands;
        if (path.Length > 0 && (subcommands.Count == 0 || command.Action is not null))
        {
            yield return path;
        }

        foreach (var sub in subcommands)
        {
            foreach (var leaf in Leaves(sub, [.. path, sub.Name]))
            {
                yield return leaf;
            }
        }
    }
}
