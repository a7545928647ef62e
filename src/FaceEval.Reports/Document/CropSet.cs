namespace FaceEval.Reports.Document;

/// <summary>
/// Face crops embedded in a report as <c>data:image/jpeg;base64,...</c> URIs, by face row index, and a
/// sentence saying where they came from or why there are none.
/// </summary>
public sealed record CropSet(string Status, IReadOnlyDictionary<int, string> Images)
{
    public static CropSet None(string reason) => new(reason, new Dictionary<int, string>());
}
