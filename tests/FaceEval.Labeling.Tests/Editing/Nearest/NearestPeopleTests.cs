using FaceEval.Labeling.Editing;
using static FaceEval.Labeling.Tests.LabelFixture;

namespace FaceEval.Labeling.Tests.Editing.Nearest;

/// <summary>
/// What the nearest-person index gives a face and a person: candidates, distances, sizes and cohesion.
/// </summary>
public sealed class NearestPeopleTests
{
    [Fact]
    public void Face_view_names_the_snapshot_label_and_nearest_candidates()
    {
        using var state = State();
        var face = state.Face("aX")!;
        Assert.Equal("A", face.Person);
        Assert.Equal("B", face.Candidates[0].Person);
        Assert.True(face.Candidates[0].Distance < face.Distance);
        Assert.Equal(4, face.Candidates.Count);
        Assert.DoesNotContain(face.Candidates, c => c.Person == "A");
        Assert.True(face.Candidates.Zip(face.Candidates.Skip(1)).All(p => p.First.Distance <= p.Second.Distance));
        Assert.Null(state.Face("u1")!.Person);
        Assert.Null(state.Face("u1")!.Distance);
        Assert.Null(state.Face("nope"));
    }

    [Fact]
    public void People_list_counts_and_cohesion()
    {
        using var state = State();
        var people = state.People();
        Assert.Equal(["A", "B", "C", "D", "E"], people.Select(p => p.Label));
        Assert.Equal([4, 6, 4, 4, 3], people.Select(p => p.Faces));
        Assert.Equal(0, people[4].Cohesion, 6); // E's three faces are identical
        Assert.True(people[1].Cohesion > people[0].Cohesion); // B has two outliers
        Assert.All(people, p => Assert.True(p.Named));
    }
}
