using FaceEval.Core.Analysis;
using FaceEval.Core.Metrics;

namespace FaceEval.Core.Tests.Analysis;

public class PeopleSeparationTests
{
    [Fact]
    public void CentroidDistanceOverPooledSpread()
    {
        // Person 0 at -10, 10 (centroid 0, spread d(10)); person 1 at 80, 100 (centroid 90, spread d(10));
        // person 2 at 170, 190 with spread d(10) as well; person 3 has one face and is left out.
        var embeddings = Vectors.AtAngles(-10, 10, 80, 100, 170, 190, 300);
        int[] truth = [0, 0, 1, 1, 2, 2, 3];
        var separation = PeopleSeparation.Compute(embeddings, truth, LookalikePairs.FromIndexPairs([(0, 1), (0, 3)]));
        Assert.NotNull(separation);
        Assert.Equal(3, separation.People.Count);
        Assert.Equal(3, separation.Pairs);
        var spread = Vectors.Distance(0, 10);
        Assert.All(separation.People, p => Assert.Equal(spread, p.Spread, 5));

        var siblings = Assert.Single(separation.Lookalikes);
        Assert.Equal((0, 1), (siblings.PersonA, siblings.PersonB));
        Assert.Equal(Vectors.Distance(0, 90), siblings.CentroidDistance, 5);
        Assert.Equal(Vectors.Distance(0, 90) / spread, siblings.Separation, 3);

        // Pairs (0,1) and (1,2) are 90 degrees apart, (0,2) 180: the median is the 90-degree separation.
        Assert.Equal(siblings.Separation, separation.Quantiles[PeopleSeparation.QuantileLevels.ToList().IndexOf(0.5)], 6);
        Assert.Equal(0, separation.OverlappingShare);
        Assert.Equal((0, 1), (separation.Closest[0].PersonA, separation.Closest[0].PersonB));
        Assert.Equal((0, 2), (separation.Closest[^1].PersonA, separation.Closest[^1].PersonB));
    }

    [Fact]
    public void OverlappingPeopleHaveSeparationBelowOne()
    {
        var embeddings = Vectors.AtAngles(-30, 30, -25, 35);
        var separation = PeopleSeparation.Compute(embeddings, [0, 0, 1, 1], LookalikePairs.Empty);
        Assert.NotNull(separation);
        Assert.Equal(1.0, separation.OverlappingShare);
    }
}
