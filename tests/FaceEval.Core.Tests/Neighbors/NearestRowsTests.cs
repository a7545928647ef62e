using FaceEval.Core.Errors;
using FaceEval.Core.Neighbors;

namespace FaceEval.Core.Tests.Neighbors;

public class NearestRowsTests
{
    private static float[] Random(int rows, int d, int seed)
    {
        var rng = new Random(seed);
        var data = new float[rows * d];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (float)(rng.NextDouble() * 2 - 1);
        }

        return data;
    }

    private static NearestRows Index(float[] database, int d)
    {
        var index = new NearestRows(d);
        for (var r = 0; r < database.Length / d; r++)
        {
            index.Set(r, database.AsSpan(r * d, d));
        }

        return index;
    }

    /// <summary>Brute force in double precision: the allowed rows, best first, ties to the lower row.</summary>
    private static (int Row, double Dot)[] BruteForce(float[] queries, int q, float[] database, int d, bool[]? usable, int excluded)
    {
        var rows = database.Length / d;
        return Enumerable.Range(0, rows)
            .Where(r => r != excluded && (usable is null || usable[r]))
            .Select(r => (r, Enumerable.Range(0, d).Sum(t => (double)queries[q * d + t] * database[r * d + t])))
            .OrderByDescending(x => x.Item2).ThenBy(x => x.r)
            .ToArray();
    }

    private static void AssertMatches(float[] queries, float[] database, int d, int k, int[] index, float[] similarity, bool[]? usable, int[]? excluded)
    {
        for (var q = 0; q < queries.Length / d; q++)
        {
            var expected = BruteForce(queries, q, database, d, usable, excluded?[q] ?? -1);
            for (var i = 0; i < k; i++)
            {
                var at = q * k + i;
                if (i >= expected.Length)
                {
                    Assert.Equal(-1, index[at]);
                    Assert.Equal(float.NegativeInfinity, similarity[at]);
                    continue;
                }

                // Float sums may order near-ties differently from double ones: accept any row whose exact
                // dot product equals the expected i-th best within rounding.
                Assert.True(Math.Abs(similarity[at] - expected[i].Dot) < 1e-4, $"query {q} rank {i}: {similarity[at]} vs {expected[i].Dot}");
                var exact = expected.First(e => e.Row == index[at]).Dot;
                Assert.True(Math.Abs(exact - expected[i].Dot) < 1e-4, $"query {q} rank {i}: row {index[at]} is not a {i}-th best");
            }

            Assert.Equal(index.Skip(q * k).Take(k).Where(r => r >= 0).Count(), index.Skip(q * k).Take(k).Where(r => r >= 0).Distinct().Count());
        }
    }

    [Theory]
    [InlineData(1, 1, 1, 7)]
    [InlineData(5, 3, 1, 16)]
    [InlineData(300, 450, 1, 64)]
    [InlineData(300, 450, 9, 64)]
    [InlineData(13, 200, 5, 512)]
    [InlineData(400, 2, 4, 31)]
    public void Finds_the_k_rows_of_largest_dot_product(int queryCount, int rows, int k, int d)
    {
        var database = Random(rows, d, 1);
        var queries = Random(queryCount, d, 2);
        var index = new int[queryCount * k];
        var similarity = new float[queryCount * k];
        Index(database, d).Search(queries, k, index, similarity);
        AssertMatches(queries, database, d, k, index, similarity, null, null);
    }

    [Fact]
    public void Skips_unusable_rows_and_each_querys_excluded_row()
    {
        const int d = 32;
        var database = Random(250, d, 3);
        var queries = Random(230, d, 4);
        var usable = Enumerable.Range(0, 250).Select(r => r % 3 != 0).ToArray();
        var excluded = Enumerable.Range(0, 230).Select(q => q % 5 == 0 ? -1 : q).ToArray();

        // Make each query's excluded row its best match, so leaving it out is visible.
        for (var q = 0; q < 230; q++)
        {
            if (excluded[q] >= 0)
            {
                queries.AsSpan(q * d, d).CopyTo(database.AsSpan(excluded[q] * d, d));
            }
        }

        var (index, similarity) = (new int[230 * 3], new float[230 * 3]);
        Index(database, d).Search(queries, 3, index, similarity, usable, excluded);
        AssertMatches(queries, database, d, 3, index, similarity, usable, excluded);
        Assert.DoesNotContain(index, r => r >= 0 && !usable[r]);
    }

    [Fact]
    public void Equal_rows_come_out_lower_row_first()
    {
        const int d = 8;
        var row = Random(1, d, 5);
        var database = new float[300 * d];
        foreach (var r in new[] { 7, 200, 3, 250 })
        {
            row.CopyTo(database.AsSpan(r * d, d));
        }

        var (index, similarity) = (new int[4], new float[4]);
        Index(database, d).Search(row, 4, index, similarity);
        Assert.Equal([3, 7, 200, 250], index);
        Assert.All(similarity, s => Assert.Equal(similarity[0], s));
    }

    [Fact]
    public void Replaced_and_appended_rows_are_searched_as_set()
    {
        const int d = 24;
        var database = Random(40, d, 6);
        var index = new NearestRows(d, capacity: 10);
        for (var r = 0; r < 40; r++)
        {
            index.Set(r, database.AsSpan(r * d, d)); // grows past the capacity several times
        }

        var replacement = Random(5, d, 7);
        for (var i = 0; i < 5; i++)
        {
            replacement.AsSpan(i * d, d).CopyTo(database.AsSpan(i * 7 * d, d));
            index.Set(i * 7, replacement.AsSpan(i * d, d));
        }

        var grown = database.Concat(Random(300, d, 8)).ToArray();
        for (var r = 40; r < 340; r++)
        {
            index.Set(r, grown.AsSpan(r * d, d));
        }

        Assert.Equal(340, index.Count);
        var queries = Random(50, d, 9);
        var (found, similarity) = (new int[50 * 2], new float[50 * 2]);
        index.Search(queries, 2, found, similarity);
        AssertMatches(queries, grown, d, 2, found, similarity, null, null);
    }

    [Fact]
    public void An_empty_database_or_too_few_rows_leave_places_empty()
    {
        var queries = Random(3, 4, 10);
        var (index, similarity) = (new int[3 * 2], new float[3 * 2]);
        new NearestRows(4).Search(queries, 2, index, similarity);
        Assert.All(index, r => Assert.Equal(-1, r));
        Assert.All(similarity, s => Assert.Equal(float.NegativeInfinity, s));

        var one = new NearestRows(4);
        one.Set(0, [1, 0, 0, 0]);
        one.Search(queries, 2, index, similarity);
        Assert.Equal([0, -1, 0, -1, 0, -1], index);
    }

    [Fact]
    public void Misfitting_rows_and_arrays_are_refused()
    {
        var index = new NearestRows(4);
        Assert.Equal(ErrorKind.DimensionMismatch, Assert.Throws<FaceEvalException>(() => index.Set(0, new float[3])).Kind);
        Assert.Equal(ErrorKind.DimensionMismatch, Assert.Throws<FaceEvalException>(() => index.Set(1, new float[4])).Kind);
        Assert.Equal(ErrorKind.DimensionMismatch, Assert.Throws<FaceEvalException>(() => index.Search(new float[6], 1, new int[1], new float[1])).Kind);
        Assert.Equal(ErrorKind.DimensionMismatch, Assert.Throws<FaceEvalException>(() => index.Search(new float[8], 1, new int[1], new float[1])).Kind);
        Assert.Equal(ErrorKind.DimensionMismatch, Assert.Throws<FaceEvalException>(() => index.Search(new float[4], 0, new int[0], new float[0])).Kind);
    }
}
