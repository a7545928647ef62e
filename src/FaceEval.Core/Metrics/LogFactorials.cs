namespace FaceEval.Core.Metrics;

/// <summary>
/// ln(k!) for k = 0..N, shared by every scoring call (sweeps score thousands of labellings of the same
/// size). Entries are running sums of ln(i) with Neumaier compensation, so even at N = 10^6 they are as
/// accurate as a libm lgamma.
/// </summary>
internal static class LogFactorials
{
    private static double[] s_table = [0.0];
    private static readonly Lock s_growLock = new();

    /// <summary>A table holding at least ln(0!)..ln(n!).</summary>
    public static double[] UpTo(int n)
    {
        var table = Volatile.Read(ref s_table);
        if (table.Length > n)
        {
            return table;
        }

        lock (s_growLock)
        {
            table = s_table;
            if (table.Length > n)
            {
                return table;
            }

            var size = (int)Math.Min(Array.MaxLength, Math.Max(n + 1L, 2L * table.Length));
            var grown = new double[size];
            double sum = 0, compensation = 0;
            for (var k = 1; k < size; k++)
            {
                var term = Math.Log(k);
                var t = sum + term;
                compensation += Math.Abs(sum) >= Math.Abs(term) ? (sum - t) + term : (term - t) + sum;
                sum = t;
                grown[k] = sum + compensation;
            }

            Volatile.Write(ref s_table, grown);
            return grown;
        }
    }
}
