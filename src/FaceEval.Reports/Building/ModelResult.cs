using FaceEval.Core.Analysis;
using FaceEval.Core.Sweeps;

namespace FaceEval.Reports.Building;

/// <summary>Everything a comparison measures for one model on the shared snapshot.</summary>
public sealed record ModelResult(string Model, VerificationResult? Verification, PeopleSeparation? Separation, SweepResult Clustering);
