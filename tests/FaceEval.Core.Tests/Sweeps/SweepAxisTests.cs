using FaceEval.Core.Errors;
using FaceEval.Core.Sweeps;

namespace FaceEval.Core.Tests.Sweeps;

public class SweepAxisTests
{
    [Fact]
    public void RangeIncludesBothEndsWithoutFloatingPointDrift()
    {
        var axis = SweepAxis.Range("assignDistance", 0.2, 0.69, 0.01);

        Assert.Equal(50, axis.Values.Count);
        Assert.Equal("0.2", axis.Values[0]);
        Assert.Equal("0.3", axis.Values[10]);
        Assert.Equal("0.69", axis.Values[^1]);
    }

    [Theory]
    [InlineData(0.5, 0.4, 0.01)]
    [InlineData(0.1, 0.4, 0)]
    [InlineData(0.1, 0.4, -0.1)]
    public void BadRangesAreUsageErrors(double from, double to, double step)
    {
        var ex = Assert.Throws<FaceEvalException>(() => SweepAxis.Range("x", from, to, step));
        Assert.Equal(ErrorKind.Usage, ex.Kind);
    }

    [Fact]
    public void ListKeepsOrderAndTrims()
    {
        Assert.Equal(["average", "complete"], SweepAxis.List("linkage", " average, complete ,").Values);
    }
}
