namespace FaceEval.Core.Analysis;

/// <summary>
/// One operating point of a verifier that accepts a pair as "same person" when its cosine distance is
/// &lt;= <see cref="Threshold"/>: the false accept rate (impostor pairs accepted) and true accept rate
/// (genuine pairs accepted).
/// </summary>
public sealed record RocPoint(double Threshold, double FalseAcceptRate, double TrueAcceptRate);
