using FaceEval.Core.Analysis;

namespace FaceEval.Core.Tests.Analysis;

public class CohesionTests
{
    [Fact]
    public void P90PollutionAndTheGateThatSeparatesThem()
    {
        // Cluster 0: one person at 0, 2, 4 degrees. Cluster 1: one person at 100, 110. Cluster 2: persons 2 and 3
        // at 200, 210 and 250. Cluster 3: persons 4 and 5 at 300, 340. Face 10 is alone (no cohesion).
        var embeddings = Vectors.AtAngles(0, 2, 4, 100, 110, 200, 210, 250, 300, 340, 45);
        int[] predicted = [0, 0, 0, 1, 1, 2, 2, 2, 3, 3, 4];
        int[] truth = [0, 0, 0, 1, 1, 2, 2, 3, 4, 5, 6];
        var analysis = CohesionAnalysis.Compute(embeddings, predicted, truth, seed: 1);

        Assert.Equal([0, 1, 2, 3], analysis.Groups.Select(g => g.Group).ToArray());
        var g0 = analysis.Groups[0];
        // Pairwise distances 2, 2, 4 degrees: p90 of sorted [d2, d2, d4] at position 1.8.
        var (d2, d4) = (Vectors.Distance(0, 2), Vectors.Distance(0, 4));
        Assert.Equal(d2 + 0.8 * (d4 - d2), g0.PairwiseP90, 6);
        Assert.Equal(3, g0.Size);
        Assert.False(g0.Polluted);
        Assert.Equal(1, g0.Representative);
        Assert.Equal(1.0, g0.MajorityShare);

        var g2 = analysis.Groups[2];
        Assert.True(g2.Polluted);
        Assert.Equal(2, g2.People);
        Assert.Equal(2.0 / 3, g2.MajorityShare, 12);
        Assert.True(analysis.Groups[3].Polluted);

        // Healthy p90s (about 0.001 and 0.015) are all below the polluted ones (about 0.29 and 0.23).
        Assert.NotNull(analysis.Gate);
        Assert.Equal(1.0, analysis.Gate.PollutedFlagged);
        Assert.Equal(0.0, analysis.Gate.HealthyFlagged);
        Assert.Equal((analysis.Groups[1].PairwiseP90 + analysis.Groups[3].PairwiseP90) / 2, analysis.Gate.Threshold, 12);
    }

    [Fact]
    public void NoGateWithoutBothKindsOfGroup()
    {
        var embeddings = Vectors.AtAngles(0, 10, 100, 110);
        var analysis = CohesionAnalysis.Compute(embeddings, [0, 0, 1, 1], [0, 0, 1, 1], seed: 1);
        Assert.All(analysis.Groups, g => Assert.False(g.Polluted));
        Assert.Null(analysis.Gate);
    }

    [Fact]
    public void NoGateWhenPollutedClustersAreNoLooserThanHealthyOnes()
    {
        GroupCohesion G(double p90, bool polluted) => new(0, 2, p90, polluted ? 2 : 1, 1, 0, false);
        Assert.Null(CohesionGate.Find([G(0.5, true), G(0.6, false), G(0.7, false)]));
    }

    [Fact]
    public void TheGateMaximisesYoudenJWhenTheKindsOverlap()
    {
        GroupCohesion G(double p90, bool polluted) => new(0, 5, p90, polluted ? 2 : 1, 1, 0, false);
        // Healthy 0.1, 0.2, 0.5; polluted 0.4, 0.6, 0.7. Best cut 0.3: flags all polluted and 1 of 3 healthy (J 2/3).
        var gate = CohesionGate.Find([G(0.1, false), G(0.2, false), G(0.5, false), G(0.4, true), G(0.6, true), G(0.7, true)]);
        Assert.NotNull(gate);
        Assert.Equal(0.3, gate.Threshold, 12);
        Assert.Equal(2.0 / 3, gate.YoudenJ, 12);
    }
}
