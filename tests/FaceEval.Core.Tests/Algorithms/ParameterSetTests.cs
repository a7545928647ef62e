using FaceEval.Core.Algorithms;
using FaceEval.Core.Errors;

namespace FaceEval.Core.Tests.Algorithms;

public class ParameterSetTests
{
    private enum Shape
    {
        Round,
        VerySquare,
    }

    private static readonly ParameterSpec[] Specs =
    [
        ParameterSpec.Real("eps", 0.5, 0, 2, "cosine distance"),
        ParameterSpec.Integer("minSamples", 3, 1, 1000, "faces"),
        ParameterSpec.Choice("shape", Shape.Round, "a choice"),
    ];

    [Fact]
    public void LayersApplyInOrderAndValuesAreCanonical()
    {
        var set = ParameterSet.Create("toy", Specs,
            [new("eps", "0.40")],
            [new("EPS", "0.45"), new("shape", "Very-Square")]);

        Assert.Equal(0.45, set.Real("eps"));
        Assert.Equal(3, set.Integer("minSamples"));
        Assert.Equal(Shape.VerySquare, set.Choice<Shape>("shape"));
        Assert.Equal("eps=0.45 minSamples=3 shape=very-square", set.ToString());
    }

    [Theory]
    [InlineData("eps", "2.5", "out of range")]
    [InlineData("eps", "abc", "not a number")]
    [InlineData("minSamples", "2.5", "not a whole number")]
    [InlineData("shape", "triangle", "round|very-square")]
    public void InvalidValuesNameTheRange(string name, string value, string expected)
    {
        var ex = Assert.Throws<FaceEvalException>(() => ParameterSet.Create("toy", Specs, new[] { KeyValuePair.Create(name, value) }));
        Assert.Equal(ErrorKind.Usage, ex.Kind);
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void UnknownNameListsTheValidOnes()
    {
        var ex = Assert.Throws<FaceEvalException>(() => ParameterSet.Create("toy", Specs, new[] { KeyValuePair.Create("epsilon", "1") }));
        Assert.Equal(ErrorKind.UnknownName, ex.Kind);
        Assert.Contains("eps, minSamples, shape", ex.Message);
    }

    [Fact]
    public void AssignmentsNeedAnEqualsSign()
    {
        Assert.Equal([new("a", "1"), new("b", "x=y")], ParameterSet.ParseAssignments(["a=1", " b = x=y"]).ToArray());
        Assert.Throws<FaceEvalException>(() => ParameterSet.ParseAssignments(["a"]).ToArray());
    }
}
