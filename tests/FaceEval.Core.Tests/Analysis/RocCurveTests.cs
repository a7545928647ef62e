using System.Text.Json;
using FaceEval.Core.Analysis;
using FaceEval.Core.Tests.TestData;

namespace FaceEval.Core.Tests.Analysis;

public class RocCurveTests
{
    public static TheoryData<string> Cases() => new(Fixture().Select(c => c.GetProperty("name").GetString()!));

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesScikitLearn(string name)
    {
        var c = Fixture().Single(e => e.GetProperty("name").GetString() == name);
        var roc = RocCurve.Compute(Doubles(c, "distances"), c.GetProperty("same").EnumerateArray().Select(e => e.GetBoolean()).ToArray());
        var (far, tar, thresholds) = (Doubles(c, "far"), Doubles(c, "tar"), Doubles(c, "thresholds"));
        Assert.Equal(far.Length, roc.Points.Count);
        for (var i = 0; i < far.Length; i++)
        {
            Assert.Equal(far[i], roc.Points[i].FalseAcceptRate, 12);
            Assert.Equal(tar[i], roc.Points[i].TrueAcceptRate, 12);
            Assert.Equal(thresholds[i], roc.Points[i].Threshold, 12);
        }

        Assert.Equal(c.GetProperty("auc").GetDouble(), roc.Auc, 12);
    }

    [Fact]
    public void TarAtFarTakesTheBestPointWithinTheFalseAcceptBudget()
    {
        // Genuine at 0.1, 0.2, 0.4, 0.6; impostors at 0.3, 0.5, 0.7, 0.8, 0.9.
        var roc = RocCurve.Compute([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9], [true, true, false, true, false, true, false, false, false]);
        var none = roc.TarAtFar(0.1);
        Assert.Equal(0.5, none.TrueAcceptRate);
        Assert.Equal(0.2, none.Threshold, 12);
        Assert.False(none.Resolvable); // 5 impostors * 0.1 < 1
        var one = roc.TarAtFar(0.2);
        Assert.Equal(0.75, one.TrueAcceptRate);
        Assert.Equal(0.2, one.FalseAcceptRate, 12);
        Assert.Equal(0.4, one.Threshold, 12);
        Assert.True(one.Resolvable);
    }

    [Fact]
    public void EqualErrorRateInterpolatesTheCrossing()
    {
        // (FAR, FRR): t=0.1 (0, 0.5), t=0.2 (1, 0.5): the gaps 0.5 and 0.5 cross halfway, at rate 0.5 and t=0.15.
        var roc = RocCurve.Compute([0.1, 0.2, 0.3], [true, false, true]);
        var (rate, threshold) = roc.EqualErrorRate();
        Assert.Equal(0.5, rate, 12);
        Assert.Equal(0.15, threshold, 12);

        // Perfectly separated: FRR reaches 0 while FAR is still 0.
        var perfect = RocCurve.Compute([0.1, 0.2, 0.7, 0.8], [true, true, false, false]).EqualErrorRate();
        Assert.Equal(0, perfect.Rate, 12);
        Assert.Equal(0.2, perfect.Threshold, 12);

        // Genuine 0.1, 0.3, 0.5, impostors 0.2, 0.4, 0.6: t=.1 (0, 2/3), t=.2 (1/3, 2/3), t=.3 (1/3, 1/3): EER 1/3 exactly at t=.3.
        var mixed = RocCurve.Compute([0.1, 0.2, 0.3, 0.4, 0.5, 0.6], [true, false, true, false, true, false]).EqualErrorRate();
        Assert.Equal(1.0 / 3, mixed.Rate, 12);
        Assert.Equal(0.3, mixed.Threshold, 12);
    }

    private static double[] Doubles(JsonElement c, string name) => c.GetProperty(name).EnumerateArray().Select(e => e.GetDouble()).ToArray();

    private static JsonElement[] Fixture()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepoPaths.Fixture("roc.json")));
        return document.RootElement.GetProperty("cases").EnumerateArray().Select(e => e.Clone()).ToArray();
    }
}
