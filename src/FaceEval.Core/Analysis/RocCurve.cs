namespace FaceEval.Core.Analysis;

/// <summary>
/// The ROC of a distance verifier over labelled pairs, one point per distinct distance (scikit-learn's
/// <c>roc_curve(y, -distance, drop_intermediate=False)</c> without its leading (0, 0) point), with the
/// area under it, TAR at fixed FARs and the equal error rate.
/// </summary>
public sealed class RocCurve
{
    private RocCurve(IReadOnlyList<RocPoint> points, int genuine, int impostor, double auc)
    {
        Points = points;
        Genuine = genuine;
        Impostor = impostor;
        Auc = auc;
    }

    /// <summary>Thresholds ascending, so both rates rise; the last point is (1, 1).</summary>
    public IReadOnlyList<RocPoint> Points { get; }

    public int Genuine { get; }

    public int Impostor { get; }

    /// <summary>Trapezoidal area under the curve from (0, 0): scikit-learn's roc_auc_score (ties count half).</summary>
    public double Auc { get; }

    /// <param name="distances">Distance of each pair.</param>
    /// <param name="same">True for a genuine pair (same person). Both classes must be present.</param>
    public static RocCurve Compute(IReadOnlyList<double> distances, IReadOnlyList<bool> same)
    {
        if (distances.Count != same.Count)
        {
            throw new ArgumentException("one label per distance");
        }

        var genuine = same.Count(s => s);
        var impostor = same.Count - genuine;
        if (genuine == 0 || impostor == 0)
        {
            throw new ArgumentException("a ROC needs genuine and impostor pairs");
        }

        var order = Enumerable.Range(0, distances.Count).ToArray();
        Array.Sort(distances.ToArray(), order);
        var points = new List<RocPoint>();
        long tp = 0, fp = 0;
        double auc = 0, lastFar = 0, lastTar = 0;
        for (var k = 0; k < order.Length; k++)
        {
            if (same[order[k]])
            {
                tp++;
            }
            else
            {
                fp++;
            }

            var d = distances[order[k]];
            if (k + 1 < order.Length && distances[order[k + 1]] == d)
            {
                continue;
            }

            var (far, tar) = ((double)fp / impostor, (double)tp / genuine);
            auc += (far - lastFar) * (tar + lastTar) / 2;
            (lastFar, lastTar) = (far, tar);
            points.Add(new RocPoint(d, far, tar));
        }

        return new RocCurve(points, genuine, impostor, auc);
    }

    /// <summary>Highest TAR among points with FAR &lt;= target (the lowest threshold on ties); when no point qualifies, TAR 0 at the lowest distance.</summary>
    public OperatingPoint TarAtFar(double targetFar)
    {
        var resolvable = Impostor * targetFar >= 1;
        RocPoint? best = null;
        foreach (var p in Points)
        {
            if (p.FalseAcceptRate <= targetFar && (best is null || p.TrueAcceptRate > best.TrueAcceptRate))
            {
                best = p;
            }
        }

        return best is null
            ? new OperatingPoint(targetFar, 0, 0, Points[0].Threshold, resolvable)
            : new OperatingPoint(targetFar, best.TrueAcceptRate, best.FalseAcceptRate, best.Threshold, resolvable);
    }

    /// <summary>
    /// Equal error rate: where FAR equals the false reject rate 1 - TAR, linearly interpolated between the two
    /// points around the crossing; before the first point the verifier accepts nothing (FAR 0, FRR 1).
    /// </summary>
    public (double Rate, double Threshold) EqualErrorRate()
    {
        var (prevFar, prevFrr, prevThreshold) = (0.0, 1.0, Points[0].Threshold);
        foreach (var p in Points)
        {
            var frr = 1 - p.TrueAcceptRate;
            if (p.FalseAcceptRate >= frr)
            {
                // Crossing between prev (far < frr) and p (far >= frr): solve far(t) = frr(t) along the segment.
                var gapBefore = prevFrr - prevFar;
                var gapAfter = p.FalseAcceptRate - frr;
                var w = gapBefore + gapAfter <= 0 ? 1 : gapBefore / (gapBefore + gapAfter);
                var rate = prevFar + w * (p.FalseAcceptRate - prevFar);
                return (rate, prevThreshold + w * (p.Threshold - prevThreshold));
            }

            (prevFar, prevFrr, prevThreshold) = (p.FalseAcceptRate, frr, p.Threshold);
        }

        return (prevFar, prevThreshold);
    }
}
