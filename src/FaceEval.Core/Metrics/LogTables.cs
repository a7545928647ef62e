namespace FaceEval.Core.Metrics;

/// <summary>
/// ln(k) and ln(k!) for k = 0..N, shared by every scoring call (a sweep scores thousands of labellings of
/// the same size, and lookups beat recomputing logarithms per cell and per E[MI] term). ln(k!) entries are
/// running sums with Neumaier compensation, so even at N = 10^6 they are as accurate as libm's lgamma.
/// ln(0) is stored as 0; no caller reads it.
/// </summary>
internal sealed class LogTables
{
    private static LogTables s_current = new([0.0], [0.0]);
    private static readonly Lock s_growLock = new();

    private LogTables(double[] log, double[] logFactorial)
    {
        Log = log;
        LogFactorial = logFactorial;
    }

    public double[] Log { get; }

    public double[] LogFactorial { get; }

    /// <summary>Tables holding at least the entries 0..n.</summary>
    public static LogTables UpTo(int n)
    {
        var tables = Volatile.Read(ref s_current);
        if (tables.Log.Length > n)
        {
            return tables;
        }

        lock (s_growLock)
        {
            tables = s_current;
            if (tables.Log.Length > n)
            {
                return tables;
            }

            var size = (int)Math.Min(Array.MaxLength, Math.Max(n + 1L, 2L * tables.Log.Length));
            var log = new double[size];
            var logFactorial = new double[size];
            double sum = 0, compensation = 0;
            for (var k = 1; k < size; k++)
            {
                var term = Math.Log(k);
                log[k] = term;
                var t = sum + term;
                compensation += Math.Abs(sum) >= Math.Abs(term) ? (sum - t) + term : (term - t) + sum;
                sum = t;
                logFactorial[k] = sum + compensation;
            }

            tables = new LogTables(log, logFactorial);
            Volatile.Write(ref s_current, tables);
            return tables;
        }
    }
}
