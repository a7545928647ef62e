namespace FaceEval.Benchmarks.SideBySide;

/// <summary>One task's result: wall seconds of the timed run, or why it was skipped, plus facts about the work.</summary>
public sealed record TaskTiming(double? Seconds, string? Skipped, IReadOnlyDictionary<string, object> Details)
{
    public static TaskTiming Skip(string reason) => new(null, reason, new Dictionary<string, object>());
}
