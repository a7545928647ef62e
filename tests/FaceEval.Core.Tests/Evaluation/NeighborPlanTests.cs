using System.Globalization;
using FaceEval.Core.Algorithms;
using FaceEval.Core.Errors;
using FaceEval.Core.Evaluation;
using FaceEval.Core.Neighbors;

namespace FaceEval.Core.Tests.Evaluation;

/// <summary>Which neighbour structure a run gets, and every request that would leave an option without effect refused in one line.</summary>
public class NeighborPlanTests
{
    private static readonly IClusteringAlgorithm Dbscan = AlgorithmCatalog.Get(AlgorithmKind.Dbscan);

    private static ParameterSet[] DbscanAt(params int[] minSamples) =>
        minSamples.Select(m => ParameterSet.Create("dbscan", DbscanOptions.Parameters, new Dictionary<string, string> { ["minSamples"] = m.ToString(System.Globalization.CultureInfo.InvariantCulture) })).ToArray();

    [Theory]
    [InlineData(1_000, NeighborStructure.Full, 0)]
    [InlineData(46_000, NeighborStructure.Full, 0)]
    [InlineData(46_001, NeighborStructure.Exact, 32)]
    [InlineData(NeighborPlan.ExactMaxCount, NeighborStructure.Exact, 32)]
    [InlineData(NeighborPlan.ExactMaxCount + 1, NeighborStructure.Approx, 32)]
    [InlineData(1_000_000, NeighborStructure.Approx, 32)]
    public void TheDefaultIsTheFullMatrixUpToItsLimitThenTheExactGraphThenTheApproxGraph(int faces, NeighborStructure structure, int k)
    {
        var choice = NeighborPlan.Resolve(NeighborRequest.Default, Dbscan, DbscanAt(3), faces);
        Assert.Equal((structure, k), (choice.Structure, choice.K));
        Assert.Equal(structure == NeighborStructure.Approx, choice.Index is not null);
        Assert.Contains(structure switch
        {
            NeighborStructure.Full => "default up to 46,000",
            NeighborStructure.Exact => "default beyond 46,000 faces, up to 200,000",
            _ => "default beyond 200,000",
        }, NeighborPlan.Describe(choice, NeighborRequest.Default, faces));
    }

    [Fact]
    public void ApproxTakesTheGivenIndexParametersAndDefaultsTheRest()
    {
        var choice = NeighborPlan.Resolve(new NeighborRequest(NeighborStructure.Approx, 16) { Nprobe = 7, RecallQueries = 50 }, Dbscan, DbscanAt(3), 10_000);

        Assert.Equal(new IvfParameters(IvfParameters.DefaultNlist(10_000), 7, IvfParameters.DefaultSeed, 50), choice.Index);
        Assert.Equal("approx k=16 nlist=200 nprobe=7", choice.ToString());
    }

    [Theory]
    [InlineData(NeighborStructure.Exact, 1_000, "--nprobe has no effect with --neighbors exact: only approx has an index")]
    [InlineData(NeighborStructure.Full, 1_000, "--nprobe has no effect with --neighbors full: only approx has an index")]
    [InlineData(null, 1_000, "--nprobe has no effect: 1,000 faces use --neighbors full by default; pass --neighbors approx")]
    [InlineData(null, 100_000, "--nprobe has no effect: 100,000 faces use --neighbors exact by default")]
    public void IndexOptionsWithoutAnIndexAreUsageErrors(NeighborStructure? structure, int faces, string message)
    {
        var e = Assert.Throws<FaceEvalException>(() => NeighborPlan.Resolve(new NeighborRequest(structure, null) { Nprobe = 4 }, Dbscan, DbscanAt(3), faces));
        Assert.Equal(ErrorKind.Usage, e.Kind);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void AnNprobeAboveTheDefaultNlistIsAUsageError()
    {
        var e = Assert.Throws<FaceEvalException>(() => NeighborPlan.Resolve(new NeighborRequest(NeighborStructure.Approx, null) { Nprobe = 500 }, Dbscan, DbscanAt(3), 10_000));
        Assert.Equal(ErrorKind.Usage, e.Kind);
        Assert.Contains("--nprobe 500 is out of range; valid: 1..200", e.Message);
    }

    [Theory]
    [InlineData(NeighborStructure.Full, 8, 1_000, "--k has no effect with --neighbors full")]
    [InlineData(null, 8, 1_000, "--k has no effect: 1,000 faces use the full matrix by default")]
    [InlineData(NeighborStructure.Exact, 4, 1_000, "--k 4 is too small for dbscan minSamples=5")]
    [InlineData(null, null, 50_000, "--k 32 (the default) is too small for dbscan minSamples=40")]
    [InlineData(NeighborStructure.Exact, 0, 1_000, "--k 0 is out of range")]
    [InlineData(NeighborStructure.Full, null, 46_001, "--neighbors full: 46,001 faces are too many for the full matrix (at most 46,000); use --neighbors exact")]
    public void RequestsThatCannotTakeEffectAreUsageErrors(NeighborStructure? structure, int? k, int faces, string message)
    {
        var e = Assert.Throws<FaceEvalException>(() => NeighborPlan.Resolve(new NeighborRequest(structure, k), Dbscan, DbscanAt(3, 5, 40), faces));
        Assert.Equal(ErrorKind.Usage, e.Kind);
        Assert.Contains(message, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void EveryAlgorithmHasAGraphForm()
    {
        // Beyond the matrix limit every algorithm must run; one without a graph form would be refused there.
        Assert.All(AlgorithmCatalog.All, k => Assert.IsAssignableFrom<IGraphForm>(AlgorithmCatalog.Get(k)));
    }

    [Fact]
    public void AKAtLeastEveryMinSamplesOfTheGridIsAccepted()
    {
        var choice = NeighborPlan.Resolve(new NeighborRequest(NeighborStructure.Exact, 40), Dbscan, DbscanAt(3, 5, 40), 1_000);
        Assert.Equal("exact k=40", choice.ToString());
    }
}
