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
    [InlineData(1_000_000, NeighborStructure.Exact, 32)]
    public void TheDefaultIsTheFullMatrixUpToItsLimitThenTheExactGraph(int faces, NeighborStructure structure, int k)
    {
        var choice = NeighborPlan.Resolve(NeighborRequest.Default, Dbscan, DbscanAt(3), faces);
        Assert.Equal((structure, k), (choice.Structure, choice.K));
        Assert.Contains(choice.IsGraph ? "default beyond 46,000" : "default up to 46,000", NeighborPlan.Describe(choice, NeighborRequest.Default, faces));
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

    [Theory]
    [InlineData(NeighborStructure.Exact, 1_000, "--neighbors exact: agglomerative has no graph form yet; algorithms with one: dbscan, chinese-whispers, immich, gated")]
    [InlineData(null, 50_000, "50,000 faces are too many for the full matrix (at most 46,000) and agglomerative has no graph form yet; algorithms with one: dbscan, chinese-whispers, immich, gated")]
    public void AnAlgorithmWithoutAGraphFormRefusesTheGraphNamingThoseThatHaveOne(NeighborStructure? structure, int faces, string message)
    {
        var agglomerative = AlgorithmCatalog.Get(AlgorithmKind.Agglomerative);
        var setting = ParameterSet.Create("agglomerative", agglomerative.Parameters);
        var e = Assert.Throws<FaceEvalException>(() => NeighborPlan.Resolve(new NeighborRequest(structure, null), agglomerative, [setting], faces));
        Assert.Equal(ErrorKind.Usage, e.Kind);
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void AKAtLeastEveryMinSamplesOfTheGridIsAccepted()
    {
        var choice = NeighborPlan.Resolve(new NeighborRequest(NeighborStructure.Exact, 40), Dbscan, DbscanAt(3, 5, 40), 1_000);
        Assert.Equal("exact k=40", choice.ToString());
    }
}
