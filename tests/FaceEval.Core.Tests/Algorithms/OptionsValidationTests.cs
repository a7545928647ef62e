using FaceEval.Core.Algorithms;
using FaceEval.Core.Errors;

namespace FaceEval.Core.Tests.Algorithms;

/// <summary>
/// An options record is valid by construction, and its ranges are the ones --set refuses: each value just
/// outside a declared range is refused where the record is made (constructor, initializer or <c>with</c>),
/// not at some later run, and never accepted by the record while --set refuses it.
/// </summary>
public class OptionsValidationTests
{
    public static TheoryData<string, Func<object>> OutOfRange => new()
    {
        { "dbscan minSamples above 100000", () => new DbscanOptions(0.5, 100_001) },
        { "chinese-whispers iterations above 100000", () => new ChineseWhispersOptions(0.5) { Iterations = 100_001 } },
        { "two-pass-hac pass1Distance below 1e-6", () => new TwoPassOptions(0.0000001, 0.6) },
        { "hdbscan clusterSelectionEpsilon above 2", () => new HdbscanOptions { ClusterSelectionEpsilon = 2.5 } },
        { "immich minFaces above 1000", () => new ImmichRun(ImmichMode.Reset, 0.5, 1001) },
        { "gated namePurity above 1", () => new GatedOptions { NamePurity = 1.5 } },
        { "gated namePurity of 0 (open bound)", () => new GatedOptions { NamePurity = 0 } },
        { "gated margin changed by with", () => new GatedOptions() with { Margin = -0.1 } },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void AValueOutsideItsDeclaredRangeIsRefusedWhereTheRecordIsMade(string what, Func<object> make)
    {
        var e = Assert.Throws<FaceEvalException>(make);

        Assert.True(e.Kind == ErrorKind.Usage, what);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void SetRefusesWhatTheRecordRefuses()
    {
        // The same bounds through the command-line path: ParameterSet reads the record's declaration.
        Assert.Throws<FaceEvalException>(() => ParameterSet.Create("gated", new GatedAlgorithm().Parameters, [[new("namePurity", "0")]]));
        Assert.Throws<FaceEvalException>(() => ParameterSet.Create("dbscan", new DbscanAlgorithm().Parameters, [[new("minSamples", "100001")]]));
        Assert.Equal(0.000001, ParameterSet.Create("gated", new GatedAlgorithm().Parameters, [[new("namePurity", "0.000001")]]).Real("namePurity"));
    }

    [Fact]
    public void TheDefaultsAreTheDeclaredOnes()
    {
        var gated = new GatedOptions();
        var declared = ParameterSet.Create("gated", GatedOptions.Parameters);
        Assert.Equal(GatedOptions.From(declared), gated);
        Assert.Equal((0.35, 0.65, 250, 0.9), (gated.AssignDistance, gated.CohesionMax, gated.ClusterEvery, gated.NamePurity));
        Assert.Equal(new ChineseWhispersOptions(0.5), ChineseWhispersOptions.From(ParameterSet.Create("chinese-whispers", ChineseWhispersOptions.Parameters)));
        Assert.Equal(new TwoPassOptions(), TwoPassOptions.From(ParameterSet.Create("two-pass-hac", TwoPassOptions.Parameters)));
    }
}
