using FaceEval.Core.Algorithms;
using FaceEval.Core.Fidelity;
using FaceEval.Core.Neighbors;
using FaceEval.Core.Tests.Support;

namespace FaceEval.Core.Tests.Fidelity;

/// <summary>
/// Every algorithm's graph form at library scale, beyond the full matrix's 46,000 faces: 100,000 faces in
/// 5,000 planted people of 20 faces, each person's faces within 0.1 of each other and more than 0.2 from
/// everyone else's (checked on the graph before anything runs). On such a library the answer of every
/// algorithm is the planted partition, whatever its form, so the graph form is held against a truth that
/// needs no matrix. 64 dimensions instead of 512 keep the exact graph to seconds for CI; the graph forms
/// read only the graph, so the dimension changes nothing they do.
/// </summary>
public sealed class HundredThousandFacesTests(HundredThousandFacesTests.Library library) : IClassFixture<HundredThousandFacesTests.Library>
{
    private const int People = 5_000;
    private const int FacesPerPerson = 20;
    private const int Dimension = 64;

    /// <summary>For each algorithm with a graph form, a setting whose answer on this library is the planted partition.</summary>
    private static readonly Dictionary<AlgorithmKind, KeyValuePair<string, string>[]> PlantedSettings = new()
    {
        [AlgorithmKind.Dbscan] = [new("eps", "0.15"), new("minSamples", "3")],
        [AlgorithmKind.ChineseWhispers] = [new("threshold", "0.15")],
        [AlgorithmKind.Hdbscan] = [new("minClusterSize", "20"), new("minSamples", "3")],
        [AlgorithmKind.Agglomerative] = [new("linkage", "average"), new("distanceThreshold", "0.15")],
        [AlgorithmKind.TwoPassHac] = [new("pass1Distance", "0.15"), new("pass2Distance", "0.1")],
        [AlgorithmKind.Immich] = [new("maxDistance", "0.15"), new("minFaces", "3")],

        // A person attracts faces from its second face on, so a person founded by a pair is never split by
        // its third face waiting alone; faces never join anyone beyond 0.15.
        [AlgorithmKind.Gated] = [new("assignDistance", "0.15"), new("clusterDistance", "0.15"), new("minPersonFaces", "2")],
    };

    public static TheoryData<AlgorithmKind> GraphAlgorithms()
    {
        var data = new TheoryData<AlgorithmKind>();
        foreach (var kind in FidelityJob.GraphAlgorithms)
        {
            data.Add(kind);
        }

        return data;
    }

    [Fact]
    public void ThePlantedSeparationHoldsOnTheGraph()
    {
        var graph = library.Context.Graph.Directed;
        for (var i = 0; i < graph.Count; i++)
        {
            var ids = graph.Neighbors(i);
            var distances = graph.Distances(i);
            for (var j = 0; j < ids.Length; j++)
            {
                var same = library.Truth[ids[j]] == library.Truth[i];
                Assert.True(j < FacesPerPerson - 1 ? same && distances[j] < 0.1f : !same && distances[j] > 0.2f,
                    $"face {i}: neighbour {j} ({ids[j]}) at {distances[j]}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(GraphAlgorithms))]
    public void TheGraphFormFindsThePlantedPeople(AlgorithmKind kind)
    {
        var context = FindsThePlantedPeople(kind, library.Context);

        // Where a warning states a condition under which labels may differ, none of it holds here. HDBSCAN's
        // "exhausted faces" and gated's candidate search are indicators that hold on any sparse graph.
        if (kind is not (AlgorithmKind.Hdbscan or AlgorithmKind.Gated))
        {
            Assert.Empty(context.Warnings);
        }
    }

    // The inverted file at its defaults for 100,000 faces: each person's 19 others are near enough to
    // share its lists, so the approximate graph must give every algorithm the exact graph's answer.
    [Theory]
    [MemberData(nameof(GraphAlgorithms))]
    public void OnTheApproximateGraphItFindsThemToo(AlgorithmKind kind) => FindsThePlantedPeople(kind, library.Approximate);

    /// <summary>Runs the planted setting of <paramref name="kind"/> on a fresh copy of <paramref name="shared"/>, asserts the planted partition, and returns the context run on.</summary>
    private ClusteringContext FindsThePlantedPeople(AlgorithmKind kind, ClusteringContext shared)
    {
        Assert.True(PlantedSettings.TryGetValue(kind, out var overrides), $"{AlgorithmNames.Name(kind)} has a graph form but no planted setting here");
        var algorithm = AlgorithmCatalog.Get(kind);
        var parameters = ParameterSet.Create(AlgorithmNames.Name(kind), algorithm.Parameters, overrides);
        var context = shared.Fresh();

        var labels = algorithm.Cluster(context, parameters, seed: 42);

        var agreement = PartitionAgreement.Of(library.Truth, labels);
        Assert.True(agreement.Identical, $"{AlgorithmNames.Name(kind)} {parameters} on {context.Neighbors}: {agreement.Moved} of {labels.Length} faces away from their planted person (ARI {agreement.Ari})");
        return context;
    }

    /// <summary>The library and its exact and approximate k = 32 graphs, built once for every test here.</summary>
    public sealed class Library
    {
        public Library()
        {
            var rng = new Random(20261202);
            var faces = new List<float[]>(People * FacesPerPerson);
            Truth = new int[People * FacesPerPerson];
            for (var p = 0; p < People; p++)
            {
                var centre = Support.Planted.RandomUnit(rng, Dimension);
                for (var f = 0; f < FacesPerPerson; f++)
                {
                    Truth[faces.Count] = p;
                    faces.Add(Support.Planted.Face(rng, centre, 0.15));
                }
            }

            // Shuffled, so that no algorithm is helped by people arriving in blocks.
            var order = Support.Planted.Shuffle(faces.Count, rng);
            var embeddings = Support.Planted.Matrix(order.Select(i => faces[i]).ToArray());
            Truth = order.Select(i => Truth[i]).ToArray();
            var n = faces.Count;
            Context = new ClusteringContext(embeddings, Enumerable.Range(0, n).ToArray(), Enumerable.Range(0, n).ToArray(), Truth,
                neighbors: new NeighborChoice(NeighborStructure.Exact, NeighborChoice.DefaultK));
            Context.Prepare();
            Approximate = new ClusteringContext(embeddings, Enumerable.Range(0, n).ToArray(), Enumerable.Range(0, n).ToArray(), Truth,
                neighbors: new NeighborChoice(NeighborStructure.Approx, NeighborChoice.DefaultK, IvfParameters.For(n)));
            Approximate.Prepare();
        }

        public ClusteringContext Approximate { get; }

        public int[] Truth { get; }

        public ClusteringContext Context { get; }
    }
}
