using System.Globalization;
using FaceEval.Core.Algorithms;
using FaceEval.Core.Configuration;
using FaceEval.Core.Embeddings;
using FaceEval.Core.Graphs;
using FaceEval.Core.Sweeps;

namespace FaceEval.Core.Tests.Sweeps;

/// <summary>
/// A stepped range must be exactly the decimal numbers k * step, and a graph built for a value must
/// accept that very value. Expected values are spelled out with integer arithmetic (k * units / 10^places),
/// not with the decimal or double arithmetic the code under test uses.
/// </summary>
public class SweepGridTests
{
    [Theory]
    [InlineData(1, 2)] // 0.01
    [InlineData(2, 2)] // 0.02
    [InlineData(5, 2)] // 0.05
    [InlineData(125, 4)] // 0.0125
    [InlineData(3, 1)] // 0.3: 0.1 + 0.2 is not 0.3 in double
    public void SteppedRangeOverZeroToTwoIsExactlyTheMultiplesOfTheStep(int units, int places)
    {
        var step = Decimal(units, places);
        var expected = Multiples(units, places, limit: 2 * Pow10(places));
        var last = expected[^1];

        var fromDoubles = SweepAxis.Range("threshold", Number(step), Number(last), Number(step));
        var fromText = SweepAxis.Range("threshold", step, last, step);

        Assert.Equal(expected, fromDoubles.Values);
        Assert.Equal(expected, fromText.Values);
        Assert.Equal(2 * Pow10(places) / units, fromDoubles.Values.Count);
        if (2 * Pow10(places) % units == 0)
        {
            Assert.Equal("2", fromDoubles.Values[^1]);
        }
    }

    [Fact]
    public void TheConfiguredChineseWhispersGridHoldsTheValueThatCrashed()
    {
        using var dir = new TempDirectory();
        var file = dir.Combine(EvalConfig.FileName);
        File.WriteAllText(file, """{ "sweeps": { "threshold": { "algorithm": "chinese-whispers", "from": 0.20, "to": 0.70, "step": 0.02 } } }""");

        var values = EvalConfig.Load(file).Sweeps["threshold"].Axis("threshold").Values;

        Assert.Equal(Multiples(2, 2, limit: 70).Skip(9), values);
        Assert.Contains("0.22", values);
        Assert.Equal("0.7", values[^1]);
    }

    [Fact]
    public void AStepWithManyDecimalsKeepsThemAll()
    {
        // Rounding to "the step's decimals + 2" used to turn 0.123456 into 0.123.
        var axis = SweepAxis.Range("threshold", 0.123456, 0.987648, 0.123456);

        Assert.Equal(Multiples(123456, 6, limit: 1_000_000), axis.Values);
    }

    [Fact]
    public void ARangeThatDoesNotEndOnTheGridIsAUsageError()
    {
        // It used to stop at 0.68 without a word, although --to is documented as the last value.
        var ex = Assert.Throws<Errors.FaceEvalException>(() => SweepAxis.Range("assignDistance", 0.2, 0.69, 0.02));

        Assert.Equal(Errors.ErrorKind.Usage, ex.Kind);
        Assert.Contains("0.68 or 0.7", ex.Message);
    }

    [Theory]
    [InlineData("0.22")]
    [InlineData("0.7")]
    [InlineData("0.48")]
    [InlineData("0.3")]
    public void AGraphBuiltForAThresholdAcceptsThatThreshold(string text)
    {
        // Only the refusal is under test (it threw for these values before the fix); the labels themselves
        // are checked against dlib's behaviour in ChineseWhispersTests.
        var threshold = double.Parse(text, CultureInfo.InvariantCulture);
        var graph = FaceGraph.FromDistances(Ring(8), (float)threshold);

        var labels = ChineseWhispers.Cluster(graph, new ChineseWhispersOptions(threshold), seed: 1);

        Assert.Equal(8, labels.Length);
    }

    [Fact]
    public void AGraphBuiltForASmallerThresholdStillRefusesALargerOne()
    {
        var graph = FaceGraph.FromDistances(Ring(8), 0.2f);

        var ex = Assert.Throws<Errors.FaceEvalException>(() => ChineseWhispers.Cluster(graph, new ChineseWhispersOptions(0.22), seed: 1));
        Assert.Contains("0.22", ex.Message);
    }

    private static string Decimal(long value, int places)
    {
        var scale = Pow10(places);
        var whole = value / scale;
        var fraction = (value % scale).ToString(CultureInfo.InvariantCulture).PadLeft(places, '0').TrimEnd('0');
        return fraction.Length == 0 ? whole.ToString(CultureInfo.InvariantCulture) : $"{whole}.{fraction}";
    }

    private static string[] Multiples(long units, int places, long limit)
    {
        var values = new List<string>();
        for (long k = 1; k * units <= limit; k++)
        {
            values.Add(Decimal(k * units, places));
        }

        return values.ToArray();
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static long Pow10(int places) => (long)Math.Pow(10, places);

    /// <summary>Eight unit vectors around a circle, neighbours 45 degrees apart (cosine distance 0.29).</summary>
    private static DistanceMatrix Ring(int n)
    {
        var rows = new float[n * 2];
        for (var i = 0; i < n; i++)
        {
            rows[2 * i] = (float)Math.Cos(2 * Math.PI * i / n);
            rows[2 * i + 1] = (float)Math.Sin(2 * Math.PI * i / n);
        }

        return DistanceMatrix.Compute(EmbeddingMatrix.FromRowMajor(rows, n, 2));
    }
}
