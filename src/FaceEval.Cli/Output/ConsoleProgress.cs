using Spectre.Console;

namespace FaceEval.Cli.Output;

/// <summary>
/// A progress bar on stderr for work that takes seconds, so stdout stays clean for JSON and tables.
/// When stderr is not a terminal (CI, redirection) nothing is drawn.
/// </summary>
internal static class ConsoleProgress
{
    private static readonly IAnsiConsole Err = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    public static T Run<T>(string description, Func<IProgress<double>, T> work)
    {
        if (Console.IsErrorRedirected || !Err.Profile.Capabilities.Interactive)
        {
            return work(new Progress<double>());
        }

        T result = default!;
        Err.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(description, maxValue: 1.0);
                result = work(new Reporter(task));
                task.Value = 1.0;
            });
        return result;
    }

    private sealed class Reporter(ProgressTask task) : IProgress<double>
    {
        public void Report(double value) => task.Value = Math.Clamp(value, 0, 1);
    }
}
