using FaceEval.Core.Algorithms;
using FaceEval.Core.Embeddings;
using FaceEval.Core.Errors;
using FaceEval.Core.Tests.Support;
using Xunit.Abstractions;

namespace FaceEval.Core.Tests.Algorithms;

public class GatedPipelineTests(ITestOutputHelper output)
{
    /// <summary>Inputs where every face is its own photo and arrives in index order.</summary>
    private static GatedInputs Inputs(EmbeddingMatrix m, int[]? truth = null, int[]? order = null) =>
        new(m, DistanceMatrix.Compute(m), order ?? Enumerable.Range(0, m.Count).ToArray(),
            Enumerable.Range(0, m.Count).ToArray(), truth ?? Enumerable.Repeat(-1, m.Count).ToArray());

    // Gate cases: faces on a circle (distance to a centroid at 0° is 1 - cos(angle)). The first faces form a
    // person at the first clustering step; the probe (last face) then meets the gates; the final clustering
    // step sees the probe alone and cannot place it.

    [Theory]
    [InlineData(45.573, true)]  // 1 - cos = 0.30
    [InlineData(53.130, false)] // 1 - cos = 0.40
    public void DistanceGate(double probe, bool joins)
    {
        var inputs = Inputs(Planted.Angles(-3, -1, 1, 3, probe));
        var options = new GatedOptions { ClusterEvery = 4, ClusterDistance = 0.1 };

        var result = GatedPipeline.Run(inputs, options, 0);

        Assert.Equal(4, result.Rejections.NoPerson);
        Assert.Equal(joins ? 0 : 1, result.Rejections.Distance);
        Assert.Equal(joins ? 0 : -1, result.Labels[4]);
        Assert.Equal(joins ? 1 : 0, result.FacesByGate);
        Assert.Equal(4, result.FacesByNewCluster);
    }

    [Theory]
    [InlineData(3, true)]
    [InlineData(4, false)]
    public void MinPersonFacesGate(int minPersonFaces, bool joins)
    {
        var inputs = Inputs(Planted.Angles(-1, 0, 1, 0.5));
        var options = new GatedOptions { MinPersonFaces = minPersonFaces, ClusterEvery = 3, ClusterDistance = 0.1 };

        var result = GatedPipeline.Run(inputs, options, 0);

        Assert.Equal(joins ? 0 : 1, result.Rejections.MinPersonFaces);
        Assert.Equal(joins ? 0 : -1, result.Labels[3]);
    }

    [Theory]
    [InlineData(0.4, true)]
    [InlineData(0.3, false)] // the person's pairwise p90 is 0.367
    public void CohesionGate(double cohesionMax, bool joins)
    {
        var inputs = Inputs(Planted.Angles(-30, -10, 10, 30, 0));
        var options = new GatedOptions { CohesionMax = cohesionMax, ClusterEvery = 4, ClusterDistance = 0.55, ClusterCohesionMax = 1.0 };

        var result = GatedPipeline.Run(inputs, options, 0);

        Assert.Equal(1, result.PeopleCreated);
        Assert.Equal(joins ? 0 : 1, result.Rejections.Cohesion);
        Assert.Equal(joins ? 0 : -1, result.Labels[4]);
    }

    [Theory]
    [InlineData(5, 0.05, true)]   // 0.004 from A, 0.181 from B
    [InlineData(19, 0.05, false)] // 0.055 from A, 0.067 from B: too ambiguous
    [InlineData(19, 0.0, true)]
    public void MarginGate(double probe, double margin, bool joins)
    {
        var inputs = Inputs(Planted.Angles(-2, 0, 2, 38, 40, 42, probe));
        var options = new GatedOptions { Margin = margin, ClusterEvery = 6, ClusterDistance = 0.1 };

        var result = GatedPipeline.Run(inputs, options, 0);

        Assert.Equal(2, result.PeopleCreated);
        Assert.Equal(joins ? 0 : 1, result.Rejections.Margin);
        Assert.Equal(joins ? result.Labels[0] : -1, result.Labels[6]);
    }

    [Theory]
    [InlineData(0.25, 0.5, true)]
    [InlineData(0.05, 0.5, false)] // centroids 0.066 apart
    [InlineData(0.25, 0.2, false)] // 3 faces against a person of 10
    public void SmallCohesiveClusterFoldsIntoTheNamedPersonOnlyUnderTheChecks(double foldDistance, double maxRelativeSize, bool folds)
    {
        // Ten faces of identity 0 form a person that the user names; three more of them at 20-22° miss the
        // (deliberately tight) assignment gate and are clustered together afterwards.
        var angles = Enumerable.Range(-5, 10).Select(a => (double)a).Concat([20, 21, 22]).ToArray();
        var inputs = Inputs(Planted.Angles(angles), truth: new int[13]);
        var options = new GatedOptions { AssignDistance = 0.01, ClusterEvery = 10, ClusterDistance = 0.1,
            FoldDistance = foldDistance, FoldMaxRelativeSize = maxRelativeSize };

        var result = GatedPipeline.Run(inputs, options, 0);

        Assert.Equal(1, result.PeopleNamed);
        Assert.Equal(3, result.Rejections.Distance);
        Assert.Equal(folds ? 3 : 0, result.FacesByFold);
        Assert.Equal(folds ? 1 : 2, result.People);
        Assert.Equal(folds ? 13 : 10, result.Labels.Count(l => l == result.Labels[0]));
    }

    [Fact]
    public void NewClusterNeedsEnoughPhotos()
    {
        var m = Planted.Angles(0, 1, 2, 50, 51);
        var sharedPhoto = new GatedInputs(m, DistanceMatrix.Compute(m), [0, 1, 2, 3, 4], [7, 7, 7, 8, 9], [-1, -1, -1, -1, -1]);

        var result = GatedPipeline.Run(sharedPhoto, new GatedOptions { ClusterDistance = 0.1 }, 0);

        Assert.Equal([-1, -1, -1, 0, 0], result.Labels);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void NamedPeopleNeverLoseFacesOrDisappearOverRandomArrivalOrders(int optionSet)
    {
        var (embeddings, truth, photos) = Library(seed: 5);
        var distances = DistanceMatrix.Compute(embeddings);
        var options = optionSet == 1
            ? new GatedOptions { ClusterEvery = 15, NameMinFaces = 4 }
            : new GatedOptions { AssignDistance = 0.6, CohesionMax = 1.0, Margin = 0, ClusterEvery = 7, ClusterDistance = 0.6,
                FoldDistance = 0.6, FoldCohesionMax = 1.0, FoldMaxRelativeSize = 2, FoldMargin = 0, NameMinFaces = 3, NamePurity = 0.6 };
        var namedFacesSeen = 0;
        var stepsAfterNaming = 0;

        for (var seed = 0; seed < 25; seed++)
        {
            var order = Planted.Shuffle(truth.Length, new Random(1000 + seed));
            var inputs = new GatedInputs(embeddings, distances, order, photos, truth);
            var owner = new Dictionary<int, int>(); // face -> named person holding it at the last snapshot
            var named = new HashSet<int>();

            GatedPipeline.Run(inputs, options, seed, snapshot =>
            {
                foreach (var (face, person) in owner)
                {
                    Assert.True(snapshot.PersonOfFace[face] == person, $"face {face} left named person {person} (seed {seed})");
                }

                foreach (var person in named)
                {
                    Assert.True(snapshot.IsNamed[person], $"person {person} lost its name (seed {seed})");
                }

                stepsAfterNaming += owner.Count > 0 ? 1 : 0;
                for (var f = 0; f < snapshot.PersonOfFace.Count; f++)
                {
                    var p = snapshot.PersonOfFace[f];
                    if (p >= 0 && snapshot.IsNamed[p])
                    {
                        owner[f] = p;
                        named.Add(p);
                    }
                }
            });

            namedFacesSeen += owner.Count;
        }

        // The property was exercised: people were named early enough for many later steps to test it.
        Assert.True(namedFacesSeen > 25 * 50, $"only {namedFacesSeen} named faces");
        Assert.True(stepsAfterNaming > 25 * 50, $"only {stepsAfterNaming} steps after a naming");
    }

    [Fact]
    public void SeparateAssignAndClusterDistancesBeatOneCutoff()
    {
        // Siblings: identity 1's centre is at cosine 0.7 to identity 0's. Faces of one identity are ~0.35 apart
        // pairwise but ~0.19 from their own centroid and ~0.44 from the sibling's. Identity 0 arrives first.
        var rng = new Random(3);
        var a = Planted.RandomUnit(rng, 64);
        var b = Planted.LookAlike(rng, a, 0.7);
        var faces = Enumerable.Range(0, 20).Select(_ => Planted.Face(rng, a, 0.73))
            .Concat(Enumerable.Range(0, 20).Select(_ => Planted.Face(rng, b, 0.73))).ToArray();
        var truth = Enumerable.Range(0, 40).Select(i => i / 20).ToArray();
        var inputs = Inputs(Planted.Matrix(faces), truth);

        double F1(double assign, double cluster) =>
            PairCounts.F1(GatedPipeline.Run(inputs, new GatedOptions { AssignDistance = assign, ClusterDistance = cluster, ClusterEvery = 10 }, 0).Labels, truth);

        var separate = F1(0.3, 0.5);
        var oneLoose = F1(0.5, 0.5);
        var oneTight = F1(0.3, 0.3);
        output.WriteLine($"F1 separate {separate:F3}, one loose cutoff {oneLoose:F3}, one tight cutoff {oneTight:F3}");

        // One loose cutoff lets the sibling's faces into the first person; one tight cutoff leaves same-person
        // faces unlinked by the clustering.
        Assert.True(separate > 0.9);
        Assert.True(separate > Math.Max(oneLoose, oneTight) + 0.1);
    }

    [Fact]
    public void IsDeterministicForASeedAndValidatesInputs()
    {
        var (embeddings, truth, photos) = Library(seed: 8);
        var inputs = new GatedInputs(embeddings, DistanceMatrix.Compute(embeddings), Planted.Shuffle(truth.Length, new Random(2)), photos, truth);
        var options = new GatedOptions { ClusterEvery = 20 };

        Assert.Equal(GatedPipeline.Run(inputs, options, 4), GatedPipeline.Run(inputs, options, 4), new ResultComparer());

        Assert.Equal(ErrorKind.Usage, Assert.Throws<FaceEvalException>(() => GatedPipeline.Run(inputs, options with { AssignDistance = 0 }, 0)).Kind);
        Assert.Equal(ErrorKind.Usage, Assert.Throws<FaceEvalException>(() => GatedPipeline.Run(inputs, options with { NamePurity = 1.5 }, 0)).Kind);
        Assert.Equal(ErrorKind.DimensionMismatch, Assert.Throws<FaceEvalException>(() => GatedPipeline.Run(inputs with { PhotoOfFace = [1] }, options, 0)).Kind);
        Assert.Equal(ErrorKind.InvalidData, Assert.Throws<FaceEvalException>(() => GatedPipeline.Run(inputs with { Weights = new float[truth.Length] }, options, 0)).Kind);
    }

    /// <summary>Six identities of 25 faces in 32 dimensions, two of them look-alike pairs (centres at cosine
    /// 0.6), plus 20 unlabelled strays; faces share photos in twos.</summary>
    internal static (EmbeddingMatrix Embeddings, int[] Truth, int[] Photos) Library(int seed)
    {
        var rng = new Random(seed);
        var faces = new List<float[]>();
        var truth = new List<int>();
        var centres = new List<float[]>();
        for (var pair = 0; pair < 3; pair++)
        {
            var c = Planted.RandomUnit(rng, 32);
            centres.Add(c);
            centres.Add(pair < 2 ? Planted.LookAlike(rng, c, 0.6) : Planted.RandomUnit(rng, 32));
        }

        for (var id = 0; id < centres.Count; id++)
        {
            for (var i = 0; i < 25; i++)
            {
                faces.Add(Planted.Face(rng, centres[id], 0.4 + 0.4 * rng.NextDouble()));
                truth.Add(id);
            }
        }

        for (var i = 0; i < 20; i++)
        {
            faces.Add(Planted.RandomUnit(rng, 32));
            truth.Add(-1);
        }

        var photos = Enumerable.Range(0, faces.Count).Select(i => i / 2).ToArray();
        rng.Shuffle(photos);
        return (Planted.Matrix(faces), truth.ToArray(), photos);
    }

    private sealed class ResultComparer : IEqualityComparer<GatedResult>
    {
        public bool Equals(GatedResult? x, GatedResult? y) =>
            x is not null && y is not null && x.Labels.SequenceEqual(y.Labels) && x with { Labels = y.Labels } == y;

        public int GetHashCode(GatedResult obj) => obj.People;
    }
}
