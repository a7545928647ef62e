using FaceEval.Core.Metrics;

namespace FaceEval.Core.Tests.Metrics;

public class ExpectedMutualInformationTests
{
    [Theory]
    [InlineData(1, 3000, 400, 250)]
    [InlineData(2, 6000, 12, 3000)]
    [InlineData(3, 2000, 3, 4)]
    public void GroupedTruncatedSumEqualsTheFullTripleSum(int seed, int n, int truthClusters, int predictedClusters)
    {
        var (truth, predicted) = InvarianceTests.Labellings(seed, n, truthClusters, predictedClusters, unassignedShare: 0.05);
        var table = ContingencyTable.Build(truth, predicted);

        var fast = ExpectedMutualInformation.Compute(table.RowSums, table.ColumnSums, table.Scored);
        var full = FullTripleSum(table.RowSums.ToArray(), table.ColumnSums.ToArray(), table.Scored);

        Assert.True(full > 0);
        Assert.True(Math.Abs(fast - full) <= 1e-12 * Math.Max(1, full), $"{fast:R} vs {full:R}");
    }

    [Fact]
    public void LogTablesMatchDirectComputation()
    {
        var tables = LogTables.UpTo(5000);

        Assert.Equal(0.0, tables.LogFactorial[0]);
        Assert.Equal(0.0, tables.LogFactorial[1]);
        Assert.Equal(Math.Log(120), tables.LogFactorial[5], 14);
        Assert.Equal(Math.Log(4999), tables.Log[4999]);
        var direct = 0.0;
        for (var k = 1; k <= 5000; k++)
        {
            direct += Math.Log(k);
        }

        Assert.True(Math.Abs(tables.LogFactorial[5000] - direct) <= 1e-9);
    }

    // The Vinh-Epps-Bailey sum over every row, column and every n_ij, as scikit-learn writes it.
    private static double FullTripleSum(int[] a, int[] b, int n)
    {
        var lf = LogTables.UpTo(n).LogFactorial;
        var emi = 0.0;
        foreach (var ai in a)
        {
            foreach (var bj in b)
            {
                for (var nij = Math.Max(1, ai + bj - n); nij <= Math.Min(ai, bj); nij++)
                {
                    var gln = lf[ai] + lf[bj] + lf[n - ai] + lf[n - bj] - lf[nij] - lf[n]
                              - lf[ai - nij] - lf[bj - nij] - lf[n - ai - bj + nij];
                    emi += nij / (double)n * (Math.Log(n) + Math.Log(nij) - Math.Log(ai) - Math.Log(bj)) * Math.Exp(gln);
                }
            }
        }

        return emi;
    }
}
