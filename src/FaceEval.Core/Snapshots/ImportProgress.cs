namespace FaceEval.Core.Snapshots;

/// <summary>Where an import is: a short stage description and the overall fraction done, 0..1.</summary>
public sealed record ImportProgress(string Stage, double Fraction);
