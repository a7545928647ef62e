using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using FaceEval.Core.Errors;

namespace FaceEval.Benchmarks.SideBySide;

/// <summary>
/// `--side-by-side [--data DIR] [--tasks a,b] [--out FILE]`: the FaceEval half of benchmarks/compare.sh.
/// Runs each task once as a warm-up (JIT, page faults) and then times it once more, wall clock, and
/// prints one JSON object {task: {seconds, skipped, details}}. The inputs (labels, random embeddings)
/// are the files compare.sh wrote into DIR, so both sides work on the same data.
/// </summary>
public static class SideBySideRunner
{
    public static int Run(string[] args)
    {
        string? data = null, output = null;
        var tasks = SideBySideTasks.Names.ToList();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--data": data = args[++i]; break;
                case "--out": output = args[++i]; break;
                case "--tasks": tasks = [.. args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]; break;
                default:
                    Console.Error.WriteLine($"side-by-side: unknown argument '{args[i]}'; use --data DIR --tasks a,b --out FILE");
                    return 2;
            }
        }

        var unknown = tasks.FirstOrDefault(t => !SideBySideTasks.Names.Contains(t));
        if (unknown is not null)
        {
            Console.Error.WriteLine($"side-by-side: unknown task '{unknown}'; valid: {string.Join(", ", SideBySideTasks.Names)}");
            return 2;
        }

        var inputs = new SideBySideInputs(data);
        var results = new Dictionary<string, TaskTiming>();
        foreach (var task in tasks)
        {
            Console.Error.WriteLine($"side-by-side: {task}");
            try
            {
                results[task] = SideBySideTasks.Run(task, inputs);
            }
            catch (Exception ex) when (ex is FaceEvalException or IOException or InvalidOperationException)
            {
                results[task] = TaskTiming.Skip($"error: {ex.Message}");
            }

            var r = results[task];
            Console.Error.WriteLine(r.Seconds is { } s
                ? $"side-by-side: {task}: {s.ToString("F3", CultureInfo.InvariantCulture)} s"
                : $"side-by-side: {task}: {r.Skipped}");
        }

        var json = JsonSerializer.Serialize(new
        {
            runtime = RuntimeInformation.FrameworkDescription,
            processors = Environment.ProcessorCount,
            tasks = results.ToDictionary(kv => kv.Key, kv => new { seconds = kv.Value.Seconds, skipped = kv.Value.Skipped, details = kv.Value.Details }),
        }, new JsonSerializerOptions { WriteIndented = true });
        if (output is null)
        {
            Console.WriteLine(json);
        }
        else
        {
            File.WriteAllText(output, json);
        }

        return 0;
    }

    /// <summary>Runs <paramref name="work"/> once untimed, then once timed.</summary>
    public static (double Seconds, T Result) Time<T>(Func<T> work)
    {
        work();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var watch = Stopwatch.StartNew();
        var result = work();
        return (watch.Elapsed.TotalSeconds, result);
    }
}
