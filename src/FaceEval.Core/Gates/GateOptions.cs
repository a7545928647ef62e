namespace FaceEval.Core.Gates;

/// <summary>
/// What `faceeval gate` was asked: which suites (from config, or one given on the command line), which
/// baseline, and where to write gate.json and the JUnit file.
/// </summary>
public sealed record GateOptions(
    IReadOnlyList<GateSuite> Suites,
    string BaselinePath,
    string ReportPath,
    string? JUnitPath);
