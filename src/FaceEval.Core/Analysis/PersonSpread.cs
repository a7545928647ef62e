namespace FaceEval.Core.Analysis;

/// <summary>One person's centroid spread: the root mean square cosine distance of its faces to its centroid.</summary>
public sealed record PersonSpread(int Person, int Faces, double Spread);
