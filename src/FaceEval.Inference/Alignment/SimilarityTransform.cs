using FaceEval.Core.Errors;

namespace FaceEval.Inference.Alignment;

/// <summary>
/// x' = A x - B y + Tx, y' = B x + A y + Ty: a rotation by atan2(B, A), uniform scale sqrt(A² + B²) and
/// a translation, with no reflection.
/// </summary>
public readonly record struct SimilarityTransform(double A, double B, double Tx, double Ty)
{
    public double Scale => Math.Sqrt(A * A + B * B);

    /// <summary>Rotation in radians, counter-clockwise in x-right/y-down image coordinates is clockwise on screen.</summary>
    public double Rotation => Math.Atan2(B, A);

    public (double X, double Y) Apply(double x, double y) => (A * x - B * y + Tx, B * x + A * y + Ty);

    public SimilarityTransform Inverse()
    {
        var d = A * A + B * B;
        if (d == 0)
        {
            throw new FaceEvalException(ErrorKind.InvalidData, "a zero-scale similarity transform has no inverse");
        }

        double ia = A / d, ib = -B / d;
        return new SimilarityTransform(ia, ib, -(ia * Tx - ib * Ty), -(ib * Tx + ia * Ty));
    }

    /// <summary>
    /// The least-squares similarity taking points <paramref name="source"/> onto <paramref name="target"/>
    /// (both x0, y0, x1, y1, ...). This is Umeyama's (1991) estimate restricted to proper rotations,
    /// which in 2-D has the closed form below (the complex-number least-squares fit z = Σ conj(s)·d / Σ|s|²).
    /// </summary>
    public static SimilarityTransform Estimate(ReadOnlySpan<float> source, ReadOnlySpan<float> target)
    {
        if (source.Length != target.Length || source.Length < 4 || source.Length % 2 != 0)
        {
            throw new FaceEvalException(ErrorKind.DimensionMismatch, $"need two equally long lists of at least 2 points, got {source.Length / 2} and {target.Length / 2}");
        }

        var n = source.Length / 2;
        double msx = 0, msy = 0, mdx = 0, mdy = 0;
        for (var i = 0; i < n; i++)
        {
            msx += source[2 * i];
            msy += source[2 * i + 1];
            mdx += target[2 * i];
            mdy += target[2 * i + 1];
        }

        msx /= n;
        msy /= n;
        mdx /= n;
        mdy /= n;
        double dot = 0, cross = 0, norm = 0;
        for (var i = 0; i < n; i++)
        {
            double sx = source[2 * i] - msx, sy = source[2 * i + 1] - msy;
            double dx = target[2 * i] - mdx, dy = target[2 * i + 1] - mdy;
            dot += sx * dx + sy * dy;
            cross += sx * dy - sy * dx;
            norm += sx * sx + sy * sy;
        }

        if (!(norm > 1e-12))
        {
            throw new FaceEvalException(ErrorKind.InvalidData, "landmarks coincide: no similarity transform fits them");
        }

        var a = dot / norm;
        var b = cross / norm;
        return new SimilarityTransform(a, b, mdx - (a * msx - b * msy), mdy - (b * msx + a * msy));
    }
}
