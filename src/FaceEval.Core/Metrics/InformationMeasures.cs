namespace FaceEval.Core.Metrics;

/// <summary>Entropy and mutual information in nats, term for term as scikit-learn 1.2.1 computes them
/// (including its zeroing of sub-epsilon cell terms and clipping at 0), so results agree to rounding.</summary>
internal static class InformationMeasures
{
    /// <summary>numpy's finfo(float64).eps (2^-52), not .NET's double.Epsilon (the smallest subnormal).</summary>
    public const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>Entropy of a labelling given its cluster sizes (summing to n); 0 for a single cluster.</summary>
    public static double Entropy(ReadOnlySpan<int> sizes, int n)
    {
        if (sizes.Length <= 1)
        {
            return 0.0;
        }

        var log = LogTables.UpTo(n).Log;
        var logN = log[n];
        var sum = 0.0;
        foreach (var s in sizes)
        {
            sum += s / (double)n * (log[s] - logN);
        }

        return -sum;
    }

    public static double MutualInformation(ContingencyTable table)
    {
        if (table.RowCount <= 1 || table.ColumnCount <= 1)
        {
            return 0.0;
        }

        var rowSums = table.RowSums;
        var columnSums = table.ColumnSums;
        var log = LogTables.UpTo(table.Scored).Log;
        double n = table.Scored;
        var logN = log[table.Scored];
        var mi = 0.0;
        foreach (var cell in table.Cells)
        {
            var share = cell.Count / n;
            var logOuter = log[rowSums[cell.Row]] + log[columnSums[cell.Column]];
            var term = share * (log[cell.Count] - logN) + share * (-logOuter + logN + logN);
            if (Math.Abs(term) >= MachineEpsilon)
            {
                mi += term;
            }
        }

        return Math.Max(mi, 0.0);
    }
}
