namespace FaceEval.Core.Analysis;

/// <summary>
/// How far apart two people are relative to how spread out they are: centroid distance divided by the
/// pooled spread sqrt((sA² + sB²) / 2). Above about 2 their faces rarely mix; below 1 they overlap.
/// </summary>
public sealed record SeparationPair(int PersonA, int PersonB, double CentroidDistance, double PooledSpread, double Separation);
