using Spectre.Console;

namespace FaceEval.Cli.Output;

/// <summary>
/// A progress bar on stderr for work that takes seconds, so stdout stays clean for JSON and tables.
/// When stderr is not a terminal (CI, redirection) nothing is drawn.
/// </summary>
internal static class ConsoleProgress
{
    /// <summary>Runs <paramref name="work"/> with a bar; the work gets the bar's task, or null when there is no terminal.</summary>
    public static T RunWithTask<T>(string description, Func<ProgressTask?, T> work)
    {
        if (Console.IsErrorRedirected || !Terminal.Err.Profile.Capabilities.Interactive)
        {
            return work(null);
        }

        return Terminal.Err.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(description), maxValue: 1.0);
                var result = work(task);
                task.Value = 1.0;
                return result;
            });
    }

    /// <summary>The same for work that reports a fraction in [0, 1].</summary>
    public static T Run<T>(string description, Func<IProgress<double>, T> work) =>
        RunWithTask(description, task => work(task is null ? new Progress<double>() : new Fraction(task)));

    private sealed class Fraction(ProgressTask task) : IProgress<double>
    {
        public void Report(double value) => task.Value = Math.Clamp(value, 0, 1);
    }
}
