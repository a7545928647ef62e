using FaceEval.Core.Algorithms;
using FaceEval.Core.Embeddings;
using FaceEval.Core.Errors;
using FaceEval.Core.Tests.Support;
using Xunit.Abstractions;

namespace FaceEval.Core.Tests.Algorithms;

// Hand-made faces on the unit circle: cosine distance 1 - cos(angle), so maxDistance 0.5 is an angle of 60°.
public class ImmichRecognitionTests(ITestOutputHelper output)
{
    private static ImmichResult Run(DistanceMatrix d, int[] order, string schedule) =>
        ImmichRecognition.Run(d, order, ImmichSchedule.Parse(schedule));

    [Fact]
    public void NonCoreFaceIsDeferredOnceAndThenJoinsTheNearestPerson()
    {
        // Face 0 at 63° reaches only the face at 4° (59°): two matches with itself, non-core for minFaces 3.
        // It arrives first; deferred, it comes back after 0°, 2°, 4° founded a person and joins it.
        var d = DistanceMatrix.Compute(Planted.Angles(63, 0, 2, 4));

        var result = Run(d, [0, 1, 2, 3], "reset:minFaces=3");

        Assert.Equal([0, 0, 0, 0], result.Labels);
        Assert.Equal(1, result.Runs[0].Deferred);
        Assert.Equal(1, result.Runs[0].PeopleCreated);

        // With minFaces 2 the same face is core, is not deferred, and founds a person of its own first.
        var loose = Run(d, [0, 1, 2, 3], "reset:minFaces=2");
        Assert.Equal([0, 1, 1, 1], loose.Labels);
        Assert.Equal(0, loose.Runs[0].Deferred);
        Assert.Equal(2, loose.Runs[0].PeopleCreated);
    }

    [Fact]
    public void CoreFacesFoundPeopleAndNonCoreFacesWithoutAPersonStayUnassigned()
    {
        // 0-2: a core trio at 240°. 3-4: a pair at 120°/125° (non-core for minFaces 3, no person in reach).
        // 5: a lone face at 0° that matches only itself.
        var d = DistanceMatrix.Compute(Planted.Angles(240, 242, 244, 120, 125, 0));

        var result = Run(d, [3, 5, 0, 4, 1, 2], "reset");

        Assert.Equal([0, 0, 0, -1, -1, -1], result.Labels);
        var stats = result.Runs[0];
        Assert.Equal(6, stats.Queued);
        Assert.Equal(2, stats.Deferred);
        Assert.Equal(1, stats.MatchedOnlyItself);
        Assert.Equal(1, stats.PeopleCreated);
        Assert.Equal(3, stats.FacesAssigned);
        Assert.Equal(3, stats.StillUnassigned);
    }

    [Fact]
    public void FaceJoinsThePersonOfItsNearestFaceThatHasOne()
    {
        // People at 0-4° and 70-74°; face 6 at 40° is within reach of both (36° and 30°) and core. Its
        // nearest face with a person is the one at 70°, though the 0° person was founded first.
        var d = DistanceMatrix.Compute(Planted.Angles(0, 2, 4, 70, 72, 74, 40));

        var result = Run(d, [0, 1, 2, 3, 4, 5, 6], "reset");

        Assert.Equal([0, 0, 0, 1, 1, 1, 1], result.Labels);
    }

    [Fact]
    public void MaxDistanceIsInclusive()
    {
        // Faces exactly 60° apart have distance 0.5 (as float); Immich keeps distance <= maxDistance.
        var d = DistanceMatrix.Compute(Planted.Angles(0, 60));
        var atDistance = d[0, 1];

        var inclusive = ImmichRecognition.Run(d, [0, 1], new ImmichSchedule([new ImmichRun(ImmichMode.Reset, atDistance, 2)]));
        var below = ImmichRecognition.Run(d, [0, 1], new ImmichSchedule([new ImmichRun(ImmichMode.Reset, atDistance * 0.999, 2)]));

        Assert.Equal([0, 0], inclusive.Labels);
        Assert.Equal([-1, -1], below.Labels);
    }

    [Fact]
    public void MissingKeepsPeopleAndQueuesOnlyUnassignedFacesWhileResetStartsOver()
    {
        // As in the deferral test, plus a pair at 200°/205° that only minFaces 2 can turn into a person.
        var d = DistanceMatrix.Compute(Planted.Angles(63, 0, 2, 4, 200, 205));
        int[] order = [0, 1, 2, 3, 4, 5];

        var missing = Run(d, order, "reset:minFaces=3, missing:minFaces=2");
        var reset = Run(d, order, "reset:minFaces=3, reset:minFaces=2");

        // Missing: the first run's person (with the deferred face 0) survives; only the pair is requeued.
        Assert.Equal([0, 0, 0, 0, 1, 1], missing.Labels);
        Assert.Equal(2, missing.Runs[1].Queued);

        // Reset: everything is forgotten and redone under minFaces 2, where face 0 founds its own person.
        Assert.Equal([0, 1, 1, 1, 2, 2], reset.Labels);
        Assert.Equal(6, reset.Runs[1].Queued);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void HigherMinFacesGivesFewerPurerPeople(int seed)
    {
        var (distances, truth) = LookAlikeLibrary(seed);
        var order = Planted.Shuffle(truth.Length, new Random(seed));

        var low = ImmichRecognition.Run(distances, order, ImmichSchedule.Parse("reset:minFaces=2"));
        var high = ImmichRecognition.Run(distances, order, ImmichSchedule.Parse("reset:minFaces=12"));
        var staged = ImmichRecognition.Run(distances, order, ImmichSchedule.Parse("reset:minFaces=20, missing:minFaces=10, missing:minFaces=3"));

        var lowPurity = PairCounts.Purity(low.Labels, truth);
        var highPurity = PairCounts.Purity(high.Labels, truth);
        var stagedPurity = PairCounts.Purity(staged.Labels, truth);
        output.WriteLine($"people {low.People} -> {high.People} (staged {staged.People}); purity {lowPurity:F3} -> {highPurity:F3} (staged {stagedPurity:F3})");

        Assert.True(high.People < low.People);
        Assert.True(highPurity > lowPurity);
        Assert.True(stagedPurity > lowPurity);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("rest:minFaces=3", "mode must be reset or missing")]
    [InlineData("reset:minFaces=x", "not an integer")]
    [InlineData("reset:minfaces=0", "1..1000")]
    [InlineData("reset:maxDistance=3", "maxDistance=3 is out of range; valid: 0.000001..2")]
    [InlineData("reset:size=3", "unknown setting 'size'")]
    [InlineData("reset:minFaces=3:minFaces=4", "not a single key=value")]
    public void ScheduleErrorsAreClear(string text, string expected)
    {
        var error = Assert.Throws<FaceEvalException>(() => ImmichSchedule.Parse(text));

        Assert.Equal(ErrorKind.Usage, error.Kind);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void ParsesASchedule()
    {
        var schedule = ImmichSchedule.Parse(" reset:minFaces=20 , missing:MINFACES=10:maxDistance=0.45, missing ", defaultMaxDistance: 0.6);

        Assert.Equal(
            [new ImmichRun(ImmichMode.Reset, 0.6, 20), new ImmichRun(ImmichMode.Missing, 0.45, 10), new ImmichRun(ImmichMode.Missing, 0.6, 3)],
            schedule.Runs);
        Assert.Equal("reset:minFaces=20:maxDistance=0.6, missing:minFaces=10:maxDistance=0.45, missing:minFaces=3:maxDistance=0.6", schedule.ToString());
        Assert.Equal(schedule.Runs, ImmichSchedule.Parse(schedule.ToString()).Runs);
    }

    [Fact]
    public void RejectsAnArrivalOrderThatIsNotAPermutation()
    {
        var d = DistanceMatrix.Compute(Planted.Angles(0, 10, 20));

        Assert.Equal(ErrorKind.InvalidData, Assert.Throws<FaceEvalException>(() => Run(d, [0, 1, 1], "reset")).Kind);
        Assert.Equal(ErrorKind.DimensionMismatch, Assert.Throws<FaceEvalException>(() => Run(d, [0, 1], "reset")).Kind);
    }

    /// <summary>
    /// Four pairs of identities, each pair in its own plane: two dense cores of 20 faces at 0° and 150° joined
    /// by a sparse bridge of 9 faces every 15° (each bridge face belongs to the nearer core's identity), plus
    /// 12 stray pairs of faces far from everything. Low minFaces lets early bridge faces found people that
    /// chain both cores together and makes people of stray pairs; high minFaces defers the bridge until the
    /// cores have founded their own people.
    /// </summary>
    internal static (DistanceMatrix Distances, int[] Truth) LookAlikeLibrary(int seed)
    {
        var (embeddings, truth) = LookAlikeFaces(seed);
        return (DistanceMatrix.Compute(embeddings), truth);
    }

    /// <summary>The faces of <see cref="LookAlikeLibrary"/>.</summary>
    internal static (EmbeddingMatrix Embeddings, int[] Truth) LookAlikeFaces(int seed)
    {
        const int dimension = 8 + 12 + 4;
        var rng = new Random(seed);
        var faces = new List<float[]>();
        var truth = new List<int>();

        float[] OnPlane(int plane, double degrees)
        {
            var v = new float[dimension];
            v[2 * plane] = (float)Math.Cos(degrees * Math.PI / 180);
            v[2 * plane + 1] = (float)Math.Sin(degrees * Math.PI / 180);
            return v;
        }

        for (var pair = 0; pair < 4; pair++)
        {
            for (var i = 0; i < 20; i++)
            {
                faces.Add(Planted.Face(rng, OnPlane(pair, 0), 0.1));
                truth.Add(2 * pair);
                faces.Add(Planted.Face(rng, OnPlane(pair, 150), 0.1));
                truth.Add(2 * pair + 1);
            }

            for (var angle = 15; angle < 150; angle += 15)
            {
                faces.Add(Planted.Face(rng, OnPlane(pair, angle + 2), 0.05));
                truth.Add(angle + 2 < 75 ? 2 * pair : 2 * pair + 1);
            }
        }

        for (var stray = 0; stray < 12; stray++)
        {
            var centre = new float[dimension];
            centre[8 + stray] = 1;
            for (var i = 0; i < 2; i++)
            {
                faces.Add(Planted.Face(rng, centre, 0.1));
                truth.Add(100 + stray);
            }
        }

        return (Planted.Matrix(faces), truth.ToArray());
    }
}
