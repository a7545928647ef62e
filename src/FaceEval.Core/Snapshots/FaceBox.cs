using System.Globalization;

namespace FaceEval.Core.Snapshots;

/// <summary>A face's box in its photo, in pixels: left, top, width and height (faces.csv <c>x, y, w, h</c>).</summary>
public readonly record struct FaceBox(double X, double Y, double W, double H)
{
    /// <summary>False when a column is missing or unparsable, or the box is empty.</summary>
    public static bool TryRead(Face face, out FaceBox box)
    {
        ArgumentNullException.ThrowIfNull(face);
        double Read(string column) =>
            face.TryGetValue(column, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN;
        box = new FaceBox(Read("x"), Read("y"), Read("w"), Read("h"));
        return double.IsFinite(box.X) && double.IsFinite(box.Y) && box.W > 0 && box.H > 0;
    }
}
