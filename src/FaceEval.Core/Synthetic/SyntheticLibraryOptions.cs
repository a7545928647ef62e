using FaceEval.Core.Errors;

namespace FaceEval.Core.Synthetic;

/// <summary>
/// Shape of a generated family photo library. Distances are cosine distances (1 - cos); the defaults
/// give ArcFace-like geometry: one person's faces sit about 0.3-0.5 from their centroid, siblings'
/// centroids about 0.3 apart, strangers near 1.
/// </summary>
/// <param name="Families">Number of families (two parents and 1..MaxChildren children each).</param>
/// <param name="MaxChildren">Children per family are drawn uniformly from 1..MaxChildren.</param>
/// <param name="MeanFacesPerPerson">Mean of the heavy-tailed number of faces per person (at least 2 each).</param>
/// <param name="SiblingCentroidDistance">Target cosine distance between two siblings' true centroids, in (0, 1).</param>
/// <param name="FaceDistance">Typical cosine distance of a face to its own person's centroid, in (0, 1).</param>
/// <param name="OutlierRate">Share of faces pushed far from their person (hats, profiles, blur), in [0, 1).</param>
/// <param name="StrangerRate">Unlabelled background faces per labelled face, in [0, 1].</param>
public sealed record SyntheticLibraryOptions(
    int Families = 40,
    int MaxChildren = 3,
    double MeanFacesPerPerson = 12,
    double SiblingCentroidDistance = 0.3,
    double FaceDistance = 0.35,
    double OutlierRate = 0.08,
    double StrangerRate = 0.1,
    int Dimension = 128,
    int Seed = 42)
{
    public SyntheticLibraryOptions Validate()
    {
        Check(Families is >= 1 and <= 100_000, "families must be 1..100000");
        Check(MaxChildren is >= 1 and <= 12, "maxChildren must be 1..12");
        Check(MeanFacesPerPerson is >= 2 and <= 10_000, "meanFacesPerPerson must be 2..10000");
        Check(SiblingCentroidDistance is > 0 and < 1, "siblingCentroidDistance must be in (0, 1)");
        Check(FaceDistance is > 0 and < 1, "faceDistance must be in (0, 1)");
        Check(OutlierRate is >= 0 and < 1, "outlierRate must be in [0, 1)");
        Check(StrangerRate is >= 0 and <= 1, "strangerRate must be in [0, 1]");
        Check(Dimension is >= 8 and <= 4096, "dimension must be 8..4096");
        return this;
    }

    private static void Check(bool ok, string message)
    {
        if (!ok)
        {
            throw new FaceEvalException(ErrorKind.Usage, $"synthetic library: {message}");
        }
    }
}
