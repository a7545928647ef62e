namespace FaceEval.Core.Analysis;

/// <summary>
/// Caps on the face pairs a verification scores. Below a cap every pair of that kind is used; above it a
/// seeded uniform sample (with replacement) of that many pairs.
/// </summary>
public sealed record VerificationOptions(int MaxGenuinePairs = 200_000, int MaxImpostorPairs = 2_000_000, int Seed = 42)
{
    public static IReadOnlyList<double> TargetFars { get; } = [1e-4, 1e-3, 1e-2];
}
