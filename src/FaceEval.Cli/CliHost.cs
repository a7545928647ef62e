using System.CommandLine;
using System.Reflection;
using FaceEval.Core.Errors;

namespace FaceEval.Cli;

/// <summary>
/// Runs the parsed command line and turns every failure into one line on stderr and a distinct exit
/// code (<see cref="ErrorKind"/>), so scripts can tell a missing file from a tampered snapshot. Anything
/// else is a bug: one line naming it and exit 70, the stack only with --verbose or FACEEVAL_DEBUG=1.
/// </summary>
internal static class CliHost
{
    /// <summary>Test-only fault injection (see <see cref="InjectFault"/>); read here and nowhere else.</summary>
    internal const string FaultVariable = "FACEEVAL_FAULT";

    internal const string DebugVariable = "FACEEVAL_DEBUG";

    public static int Run(RootCommand root, string[] args)
    {
        var verbose = new Option<bool>("--verbose") { Recursive = true, Description = $"on an internal error, also print its stack trace (as {DebugVariable}=1 does)" };
        root.Options.Add(verbose);
        ParseResult? parse = null;
        try
        {
            parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                Console.Error.WriteLine($"faceeval: error: {parse.Errors[0].Message} (see 'faceeval --help')");
                return (int)ErrorKind.Usage;
            }

            InjectFault(Environment.GetEnvironmentVariable(FaultVariable));
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex)
        {
            var showStack = parse?.GetValue(verbose) == true || Environment.GetEnvironmentVariable(DebugVariable) == "1";
            return Report(ex, showStack);
        }
    }

    private static int Report(Exception thrown, bool showStack)
    {
        var error = Unwrap(thrown);
        switch (error)
        {
            case FaceEvalException ex:
                return Fail(ex.Kind, ex.Message);
            case OperationCanceledException:
                return Fail(ErrorKind.Cancelled, "cancelled");
            case FileNotFoundException or DirectoryNotFoundException:
                return Fail(ErrorKind.FileNotFound, error.Message);
            case IOException or UnauthorizedAccessException:
                return Fail(ErrorKind.Io, error.Message);
        }

        Console.Error.WriteLine($"faceeval: internal error: {error.GetType().FullName}: {OneLine(error.Message)} (please report)");
        if (showStack)
        {
            Console.Error.WriteLine(thrown.ToString());
        }

        return (int)ErrorKind.Internal;
    }

    /// <summary>
    /// The exception that says what went wrong: parallel work (Parallel.For, tasks) wraps it in an
    /// AggregateException, reflection in a TargetInvocationException. Of several, the first is reported.
    /// </summary>
    private static Exception Unwrap(Exception ex)
    {
        while (true)
        {
            switch (ex)
            {
                // Not Flatten(): it lists nested aggregates' exceptions after the direct ones, so "first" would change meaning.
                case AggregateException { InnerExceptions: [var first, ..] }:
                    ex = first;
                    break;
                case TargetInvocationException { InnerException: { } inner }:
                    ex = inner;
                    break;
                default:
                    return ex;
            }
        }
    }

    private static int Fail(ErrorKind kind, string message)
    {
        Console.Error.WriteLine($"faceeval: error: {OneLine(message)}");
        return (int)kind;
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");

    /// <summary>
    /// Lets the CLI tests throw each shape of failure a command can produce, through the same path a real
    /// one takes (after parsing, before the command runs); unset in normal use. An unknown value is a bug
    /// in the test and ends as an internal error like any other.
    /// </summary>
    private static void InjectFault(string? fault)
    {
        switch (fault)
        {
            case null or "":
                return;
            case "argument":
                throw new ArgumentException("injected fault", "knee");
            case "aggregate-faceeval":
                Parallel.For(0, 4, i => throw new FaceEvalException(ErrorKind.InvalidData, $"injected fault in parallel item {i}"));
                return;
            case "aggregate-argument":
                Parallel.For(0, 4, i => throw new ArgumentOutOfRangeException("index", i, "injected fault in parallel work"));
                return;
            case "aggregate-several":
                throw new AggregateException(new AggregateException(new FaceEvalException(ErrorKind.SnapshotIntegrity, "injected first fault")),
                    new ArgumentException("injected second fault"));
            case "invocation-faceeval":
                throw new TargetInvocationException(new FaceEvalException(ErrorKind.DimensionMismatch, "injected fault behind reflection"));
            case "directory-not-found":
                Parallel.For(0, 2, _ => throw new DirectoryNotFoundException("injected missing directory"));
                return;
            default:
                throw new InvalidOperationException($"unknown {FaultVariable} value '{fault}'");
        }
    }
}
