using System.CommandLine;
using FaceEval.Core.Errors;

namespace FaceEval.Cli;

/// <summary>
/// Runs the parsed command line and turns every failure into one line on stderr and a distinct exit
/// code (<see cref="ErrorKind"/>), so scripts can tell a missing file from a tampered snapshot.
/// </summary>
internal static class CliHost
{
    public static int Run(RootCommand root, string[] args)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            Console.Error.WriteLine($"faceeval: error: {parse.Errors[0].Message} (see 'faceeval --help')");
            return (int)ErrorKind.Usage;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (FaceEvalException ex)
        {
            return Fail(ex.Kind, ex.Message);
        }
        catch (OperationCanceledException)
        {
            return Fail(ErrorKind.Cancelled, "cancelled");
        }
        catch (FileNotFoundException ex)
        {
            return Fail(ErrorKind.FileNotFound, ex.Message);
        }
        catch (DirectoryNotFoundException ex)
        {
            return Fail(ErrorKind.FileNotFound, ex.Message);
        }
        catch (IOException ex)
        {
            return Fail(ErrorKind.Io, ex.Message);
        }
        catch (UnauthorizedAccessException ex)
        {
            return Fail(ErrorKind.Io, ex.Message);
        }
    }

    private static int Fail(ErrorKind kind, string message)
    {
        var oneLine = message.ReplaceLineEndings(" ");
        Console.Error.WriteLine($"faceeval: error: {oneLine}");
        return (int)kind;
    }
}
