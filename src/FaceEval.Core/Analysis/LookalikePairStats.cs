namespace FaceEval.Core.Analysis;

/// <summary>
/// One look-alike pair of people (siblings, twins) under one labelling.
/// </summary>
/// <param name="PersonA">Truth index of the first person (the lower index).</param>
/// <param name="CentroidDistance">Cosine distance between their centroids.</param>
/// <param name="LumpedFaces">Faces of either person placed in a predicted cluster that also holds a face of the other.</param>
/// <param name="TogetherPairs">Face pairs (one of each) placed in the same predicted cluster.</param>
/// <param name="RepresentativeA">The face of A nearest A's centroid (for a picture).</param>
public sealed record LookalikePairStats(
    int PersonA,
    int PersonB,
    int FacesA,
    int FacesB,
    double CentroidDistance,
    int LumpedFaces,
    long TogetherPairs,
    int RepresentativeA,
    int RepresentativeB)
{
    /// <summary>Share of the pair's cross pairs placed together (0..1).</summary>
    public double TogetherRate => FacesA == 0 || FacesB == 0 ? 0 : (double)TogetherPairs / ((long)FacesA * FacesB);
}
