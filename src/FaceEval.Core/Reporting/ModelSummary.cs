using FaceEval.Core.Analysis;
using FaceEval.Core.Sweeps;

namespace FaceEval.Core.Reporting;

/// <summary>One model's results as written to a comparison's report.json.</summary>
public sealed record ModelSummary(string Model, VerificationSummary? Verification, PeopleSeparation? Separation, SweepResult Clustering);
