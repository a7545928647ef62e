namespace FaceEval.Inference.SnapshotBuilding;

/// <summary>How many faces the subject filter removed, per reason.</summary>
public sealed record FilterCounts(int LowScore, int TooFewPixels, int TooSmallInImage, int Blurry)
{
    public static FilterCounts Zero { get; } = new(0, 0, 0, 0);

    public int Total => LowScore + TooFewPixels + TooSmallInImage + Blurry;

    public FilterCounts Add(FilterReason reason) => reason switch
    {
        FilterReason.LowScore => this with { LowScore = LowScore + 1 },
        FilterReason.TooFewPixels => this with { TooFewPixels = TooFewPixels + 1 },
        FilterReason.TooSmallInImage => this with { TooSmallInImage = TooSmallInImage + 1 },
        FilterReason.Blurry => this with { Blurry = Blurry + 1 },
        _ => this,
    };
}
