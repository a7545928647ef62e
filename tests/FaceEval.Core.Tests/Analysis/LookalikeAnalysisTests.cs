using FaceEval.Core.Analysis;
using FaceEval.Core.Metrics;

namespace FaceEval.Core.Tests.Analysis;

public class LookalikeAnalysisTests
{
    [Fact]
    public void CountsLumpedFacesAndTogetherPairs()
    {
        // Siblings 0 (at 0, 10, 20) and 1 (at 40, 50); person 2 is unrelated.
        var embeddings = Vectors.AtAngles(0, 10, 20, 40, 50, 180, 190);
        int[] truth = [0, 0, 0, 1, 1, 2, 2];
        // Cluster 5 holds faces 1, 2 of person 0 and face 3 of person 1; face 4 is unassigned.
        int[] predicted = [4, 5, 5, 5, -1, 6, 6];
        var stats = LookalikeAnalysis.Compute(embeddings, truth, predicted, LookalikePairs.FromIndexPairs([(1, 0)])).Single();

        Assert.Equal((0, 1), (stats.PersonA, stats.PersonB));
        Assert.Equal((3, 2), (stats.FacesA, stats.FacesB));
        Assert.Equal(Vectors.Distance(10, 45), stats.CentroidDistance, 5);
        Assert.Equal(3, stats.LumpedFaces);
        Assert.Equal(2, stats.TogetherPairs);
        Assert.Equal(2.0 / 6, stats.TogetherRate, 12);
        Assert.Equal(1, stats.RepresentativeA);
    }

    [Fact]
    public void PairsWithoutFacesAreLeftOut()
    {
        var embeddings = Vectors.AtAngles(0, 10);
        var stats = LookalikeAnalysis.Compute(embeddings, [0, 0], [0, 0], LookalikePairs.FromIndexPairs([(0, 3)]));
        Assert.Empty(stats);
    }
}
