namespace FaceEval.Core.Analysis;

/// <summary>
/// The pairwise-p90 threshold that best separates polluted clusters (flagged when p90 &gt; threshold) from
/// healthy ones: the midpoint between consecutive distinct p90 values that maximises Youden's J
/// (share of polluted clusters flagged minus share of healthy clusters flagged); ties go to the lower threshold.
/// No gate when no threshold does better than chance (J &lt;= 0).
/// </summary>
public sealed record CohesionGate(double Threshold, double PollutedFlagged, double HealthyFlagged)
{
    public double YoudenJ => PollutedFlagged - HealthyFlagged;

    /// <summary>Null when either kind of group is missing, or no threshold separates them (best J &lt;= 0).</summary>
    public static CohesionGate? Find(IReadOnlyList<GroupCohesion> groups)
    {
        var polluted = groups.Count(g => g.Polluted);
        var healthy = groups.Count - polluted;
        if (polluted == 0 || healthy == 0)
        {
            return null;
        }

        var values = groups.Select(g => g.PairwiseP90).Distinct().Order().ToArray();
        var candidates = new List<double> { values[0] - 1e-9 };
        for (var i = 1; i < values.Length; i++)
        {
            candidates.Add((values[i - 1] + values[i]) / 2);
        }

        CohesionGate? best = null;
        foreach (var t in candidates)
        {
            var gate = new CohesionGate(
                t,
                (double)groups.Count(g => g.Polluted && g.PairwiseP90 > t) / polluted,
                (double)groups.Count(g => !g.Polluted && g.PairwiseP90 > t) / healthy);
            if (gate.YoudenJ > (best?.YoudenJ ?? 0) + 1e-12)
            {
                best = gate;
            }
        }

        return best;
    }
}
