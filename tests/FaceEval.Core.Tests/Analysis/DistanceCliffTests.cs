using FaceEval.Core.Analysis;
using FaceEval.Core.Embeddings;

namespace FaceEval.Core.Tests.Analysis;

public class DistanceCliffTests
{
    [Fact]
    public void MeasuresEachFaceAgainstItsOwnOtherFacesAndTheNearestOtherPerson()
    {
        // Person 0 at 0, 10, 20 degrees and one stray face at 80; person 1 at 90, 100; person 2 has one face (left out).
        var embeddings = Vectors.AtAngles(0, 10, 20, 80, 90, 100, 180);
        int[] truth = [0, 0, 0, 0, 1, 1, 2];
        var cliff = DistanceCliff.Compute(embeddings, truth);

        Assert.Equal(2, cliff.People);
        Assert.Equal(6, cliff.Points.Count);
        Assert.DoesNotContain(cliff.Points, p => p.Face == 6);
        Assert.True(cliff.Points.Zip(cliff.Points.Skip(1)).All(p => p.First.OwnDistance <= p.Second.OwnDistance));

        // The stray face: the mean of 0, 10, 20 points at 10 degrees, 70 away; person 1's centroid is at 95, 15 away.
        var stray = cliff.Points.Single(p => p.Face == 3);
        Assert.Equal(Vectors.Distance(80, 10), stray.OwnDistance, 5);
        Assert.Equal(Vectors.Distance(80, 95), stray.NearestOtherDistance!.Value, 5);
        Assert.Equal(1, stray.NearestOtherPerson);
        Assert.True(stray.Wrong);
        Assert.Equal(1, cliff.WrongCount);

        // Face at 90: its only other face is at 100 (leave-one-out), 10 degrees; nearest other person is 0's centroid.
        var face4 = cliff.Points.Single(p => p.Face == 4);
        Assert.Equal(Vectors.Distance(90, 100), face4.OwnDistance, 5);
        Assert.False(face4.Wrong);
        Assert.Equal(3, cliff.Points[^1].Face);
    }

    [Fact]
    public void TheKneeOfManyTightFacesAndAFewOutliersSitsBeforeTheOutliers()
    {
        // 40 people along their own axes; faces spread a little along two shared axes, except that
        // faces 0, 10 and 20 (one of each of the first three people) lean far off.
        const int people = 40, faces = 10, dimension = people + 2;
        var data = new float[people * faces * dimension];
        var truth = new int[people * faces];
        for (var p = 0; p < people; p++)
        {
            for (var f = 0; f < faces; f++)
            {
                var row = (p * faces + f) * dimension;
                truth[p * faces + f] = p;
                data[row + p] = 1;
                data[row + people] = 0.05f * (f - 4.5f);
                data[row + people + 1] = p < 3 && f == 0 ? 1.5f : 0.02f * (f % 3);
            }
        }

        var cliff = DistanceCliff.Compute(EmbeddingMatrix.FromRowMajor(data, truth.Length, dimension), truth);
        Assert.NotNull(cliff.Knee);
        Assert.Equal([0, 10, 20], cliff.Points.TakeLast(3).Select(p => p.Face).Order().ToArray());
        Assert.True(cliff.Knee.Index < cliff.Points.Count - 3, $"knee at {cliff.Knee.Index}");
        Assert.True(cliff.Knee.Value < cliff.Points[^3].OwnDistance);
        Assert.True(cliff.Knee.Value >= cliff.Points[^4].OwnDistance - 1e-12 || cliff.Knee.Index >= cliff.Points.Count - 40);
    }
}
