using FaceEval.Core.Errors;

namespace FaceEval.Core.Synthetic;

/// <summary>
/// Shape of the "library" profile: a large photo library whose statistics resemble real ones
/// (docs/synthetic.md gives the measured figures each default was set from). Distances are cosine
/// distances (1 - cos).
/// </summary>
/// <param name="Faces">Total faces, labelled and unlabelled; the library is cut exactly there.</param>
/// <param name="MaxChildren">Children per family are drawn uniformly from 1..MaxChildren.</param>
/// <param name="CountExponent">Faces per person follow a discrete power law P(n) ∝ n^-CountExponent on 1..MaxFacesPerPerson (LFW fits 2.33).</param>
/// <param name="MaxFacesPerPerson">Largest number of faces one person can have.</param>
/// <param name="FaceDistance">Median cosine distance of a face to its person's true centre (before the shared mean direction).</param>
/// <param name="FaceSpread">Log-normal sigma of that distance: how much face quality varies (pose, age, blur).</param>
/// <param name="SiblingCentroidDistance">Median cosine distance between two siblings' true centres, in (0, 1).</param>
/// <param name="SiblingSpread">Log-normal sigma of each child's lean on the family direction: how much resemblance varies between sibling pairs.</param>
/// <param name="StrangerRate">Unlabelled faces per labelled face (FIW: 0.31): strangers with one or two faces each.</param>
/// <param name="MeanCosine">Cosine every two faces share through one common direction (real models: 0.02 to 0.027).</param>
/// <param name="EffectiveDimension">Participation ratio of the variance spectrum (real 512-d faces: 163 to 209); equal to Dimension = isotropic.</param>
public sealed record LibraryOptions(
    int Faces = 100_000,
    int MaxChildren = 3,
    double CountExponent = 2.0,
    int MaxFacesPerPerson = 10_000,
    double FaceDistance = 0.27,
    double FaceSpread = 0.45,
    double SiblingCentroidDistance = 0.75,
    double SiblingSpread = 0.5,
    double StrangerRate = 0.3,
    double MeanCosine = 0.025,
    int EffectiveDimension = 200,
    int Dimension = 512,
    int Seed = 42)
{
    public LibraryOptions Validate()
    {
        Check(Faces >= 1, "faces must be at least 1");
        Check(Dimension is >= 8 and <= 4096, "dimension must be 8..4096");
        Check((long)Faces * Dimension <= Array.MaxLength, $"faces x dimension must be at most {Array.MaxLength} (a snapshot's embeddings load as one array)");
        Check(MaxChildren is >= 1 and <= 12, "maxChildren must be 1..12");
        Check(CountExponent is >= 1.01 and <= 5, "countExponent must be 1.01..5");
        Check(MaxFacesPerPerson is >= 1 and <= 1_000_000, "maxFacesPerPerson must be 1..1000000");
        Check(FaceDistance is > 0 and < 0.95, "faceDistance must be in (0, 0.95)");
        Check(FaceSpread is >= 0 and <= 2, "faceSpread must be 0..2");
        Check(SiblingCentroidDistance is > 0 and < 1, "siblingCentroidDistance must be in (0, 1)");
        Check(SiblingSpread is >= 0 and <= 2, "siblingSpread must be 0..2");
        Check(StrangerRate is >= 0 and <= 10, "strangerRate must be 0..10");
        Check(MeanCosine is >= 0 and < 0.5, "meanCosine must be in [0, 0.5)");
        Check(EffectiveDimension >= 1 && EffectiveDimension <= Dimension, $"effectiveDimension must be 1..dimension ({Dimension})");
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
