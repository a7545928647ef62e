using FaceEval.Core.Analysis;

namespace FaceEval.Core.Tests.Analysis;

public class KneeTests
{
    [Fact]
    public void FindsThePointWhereASlowRiseTurnsIntoACliff()
    {
        // 90 values rising slowly from 0.1 to 0.3, then 10 rising steeply to 1.0.
        var values = Enumerable.Range(0, 90).Select(i => 0.1 + 0.2 * i / 89)
            .Concat(Enumerable.Range(90, 10).Select(i => 0.3 + 0.7 * (i - 89) / 10)).ToArray();
        var knee = Knee.Find(values);
        Assert.NotNull(knee);
        Assert.Equal(89, knee.Index);
        Assert.Equal(0.3, knee.Value, 12);
        // x - y at the knee: 89/99 - (0.3 - 0.1) / 0.9.
        Assert.Equal(89.0 / 99 - 0.2 / 0.9, knee.Strength, 12);
    }

    [Fact]
    public void AStraightOrConcaveCurveHasNoKnee()
    {
        Assert.Null(Knee.Find(Enumerable.Range(0, 50).Select(i => i * 0.01).ToArray()));
        Assert.Null(Knee.Find(Enumerable.Range(0, 50).Select(i => Math.Sqrt(i)).ToArray()));
        Assert.Null(Knee.Find([0.5, 0.5, 0.5, 0.5]));
        Assert.Null(Knee.Find([0.1, 0.9]));
    }

    [Fact]
    public void UnsortedValuesAreRejected() =>
        Assert.Throws<ArgumentException>(() => Knee.Find([0.1, 0.5, 0.3, 0.9]));

    [Fact]
    public void QuantilesInterpolateLikeNumpy()
    {
        // numpy.percentile([1, 2, 3, 4], [0, 50, 90, 100]) = [1, 2.5, 3.7, 4].
        double[] v = [4, 1, 3, 2];
        Assert.Equal(1, Quantiles.Of(v, 0), 12);
        Assert.Equal(2.5, Quantiles.Of(v, 0.5), 12);
        Assert.Equal(3.7, Quantiles.Of(v, 0.9), 12);
        Assert.Equal(4, Quantiles.Of(v, 1), 12);
    }
}
