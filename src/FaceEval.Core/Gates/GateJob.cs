using System.Reflection;
using FaceEval.Core.Configuration;
using FaceEval.Core.Errors;
using FaceEval.Core.IO;

namespace FaceEval.Core.Gates;

/// <summary>`faceeval gate`: judge the suites against their rules and the baseline, or record a new baseline.</summary>
public static class GateJob
{
    /// <summary>Runs and judges every suite; writes gate.json and, when asked, the JUnit file. The baseline is optional unless a tolerance rule needs it.</summary>
    public static GateResult Check(GateOptions options, EvalConfig config, IProgress<double>? progress = null)
    {
        var baseline = File.Exists(options.BaselinePath) ? GateBaseline.Load(options.BaselinePath) : null;
        if (baseline is null && options.Suites.SelectMany(s => s.Rules.Where(r => r.NeedsBaseline).Select(r => (Suite: s.Name, Rule: r))).FirstOrDefault() is { Suite: not null } needed)
        {
            // Refused before any suite runs: nothing to compare a tolerance with.
            throw new FaceEvalException(ErrorKind.FileNotFound,
                $"gate suite {needed.Suite} has tolerance rule {needed.Rule} but there is no baseline at {options.BaselinePath}; record one with --update-baseline --reason \"...\"");
        }

        var result = GateRunner.Run(options.Suites, config, baseline, progress);
        // Both or neither: a passing gate.json left beside a JUnit file that failed to write would mislead CI.
        var files = new AtomicFileSet().Add(options.ReportPath, stream => GateJsonWriter.Write(result, stream));
        if (options.JUnitPath is not null)
        {
            files.Add(options.JUnitPath, stream => GateJUnitWriter.Write(result, stream));
        }

        files.Commit();

        return result;
    }

    public static GateBaseline UpdateBaseline(GateOptions options, EvalConfig config, string reason)
    {
        var existing = File.Exists(options.BaselinePath) ? GateBaseline.Load(options.BaselinePath) : GateBaseline.Empty;
        var version = typeof(GateJob).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        var updated = GateRunner.UpdateBaseline(options.Suites, config, existing, reason, version, GitCommit.Find(config.BaseDirectory), DateTimeOffset.UtcNow);
        updated.Save(options.BaselinePath);
        return updated;
    }
}
