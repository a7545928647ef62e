namespace FaceEval.Core.Analysis;

/// <summary>
/// The best true accept rate at a false accept rate of at most <see cref="TargetFar"/>, and the distance
/// threshold that reaches it.
/// </summary>
/// <param name="Resolvable">False when there are fewer than 1 / TargetFar impostor pairs, so the target can
/// only be met at an observed FAR of 0 and the value is optimistic.</param>
public sealed record OperatingPoint(double TargetFar, double TrueAcceptRate, double FalseAcceptRate, double Threshold, bool Resolvable);
