using FaceEval.Core.Embeddings;
using FaceEval.Core.Graphs;
using FaceEval.Core.Neighbors;

namespace FaceEval.Core.Algorithms;

/// <summary>
/// The graph form: no N x N matrix. An arriving face's candidate people are the people of its neighbours
/// in the k-nearest-neighbour graph (either direction) and of their own k nearest (two hops); only their
/// centroids are measured, so an arrival costs O(k^2) lookups and O(candidates * dimension), not
/// O(people * dimension). A person with no face within two hops is not seen; how often that changes the
/// nearest or second-nearest person, and a gate's verdict, <see cref="Audit"/> measures. Cohesion is computed from the embeddings
/// (the matrix's own floats) over at most <see cref="CohesionSample"/> faces, a seeded sample beyond.
/// Leftover clustering uses the graph's edges below clusterDistance.
/// </summary>
internal sealed class GatedGraphGeometry : IGatedGeometry
{
    /// <summary>
    /// Faces a cohesion verdict reads at most: exact up to this size (the matrix form's verdict), a seeded
    /// sample of this many beyond (about 0.5 M pairs, some 0.1 s on one core).
    /// </summary>
    public const int CohesionSample = 1_000;

    private readonly EmbeddingMatrix _embeddings;
    private readonly NeighborGraph _graph;
    private readonly GatedOptions? _audit;
    private int[] _seen = [];
    private int _stamp;

    public GatedGraphGeometry(EmbeddingMatrix embeddings, NeighborGraph graph)
    {
        _embeddings = embeddings;
        _graph = graph;
    }

    /// <summary>
    /// A geometry that also scans every person on each arrival (slow: for measurement) and counts where
    /// the candidates' answer differs from the full scan's, in all and where it can change a verdict.
    /// </summary>
    public GatedGraphGeometry(EmbeddingMatrix embeddings, NeighborGraph graph, GatedOptions audit)
        : this(embeddings, graph)
    {
        _audit = audit;
    }

    /// <summary>What the audit counted; all zero without it.</summary>
    public GatedCandidateAudit Audit { get; private set; } = new(0, 0, 0, 0, 0);

    public (int Nearest, double D1, int Second, double D2) NearestPeople(int face, IReadOnlyList<GatedPerson> people, int[] personOf, IReadOnlyList<int> assigned)
    {
        if (_seen.Length < people.Count)
        {
            Array.Resize(ref _seen, Math.Max(people.Count, 2 * _seen.Length));
        }

        _stamp++;
        var row = _embeddings.Row(face);
        var best = Best.None;
        var neighbours = _graph.Neighbours(face);
        foreach (var g in neighbours)
        {
            best = Offer(best, personOf[g], row, people);
        }

        // Two hops (each neighbour's own k nearest): a look-alike sibling's faces are rarely among a
        // face's k nearest, but its second-nearest person decides the margin gate.
        foreach (var g in neighbours)
        {
            foreach (var h in _graph.Directed.Neighbors(g))
            {
                best = Offer(best, personOf[h], row, people);
            }
        }

        if (_audit is { } options)
        {
            var all = Best.None;
            for (var p = 0; p < people.Count; p++)
            {
                if (people[p].Alive)
                {
                    all = all.Offer(p, Distance(row, people[p]));
                }
            }

            // A verdict can change when the true nearest person is within assignDistance and the candidates
            // name another, or name it but judge the margin gate differently.
            var nearestMissed = all.Nearest != best.Nearest;
            var secondMissed = !nearestMissed && all.Second != best.Second;
            var inReach = all.D1 <= options.AssignDistance;
            var marginFlips = (all.Second >= 0 && all.D2 - all.D1 < options.Margin) != (best.Second >= 0 && best.D2 - best.D1 < options.Margin);
            Audit = new GatedCandidateAudit(
                Audit.Arrivals + 1,
                Audit.NearestMissed + (nearestMissed ? 1 : 0),
                Audit.SecondMissed + (secondMissed ? 1 : 0),
                Audit.NearestMissedInReach + (nearestMissed && inReach ? 1 : 0),
                Audit.MarginVerdictsChanged + (secondMissed && inReach && marginFlips ? 1 : 0));
        }

        return (best.Nearest, best.D1, best.Second, best.D2);
    }

    public bool Cohesive(IReadOnlyList<int> faces, double limit) => CohesionTest.AtMost(_embeddings, faces, limit, CohesionSample);

    public FaceGraph ClusterGraph(float below) => ChineseWhispers.EdgesBelow(_graph, below);

    private Best Offer(Best best, int p, ReadOnlySpan<float> row, IReadOnlyList<GatedPerson> people)
    {
        if (p < 0 || _seen[p] == _stamp || !people[p].Alive)
        {
            return best;
        }

        _seen[p] = _stamp;
        return best.Offer(p, Distance(row, people[p]));
    }

    private static double Distance(ReadOnlySpan<float> face, GatedPerson person)
    {
        var sum = person.Sum;
        double dot = 0;
        for (var k = 0; k < face.Length; k++)
        {
            dot += face[k] * sum[k];
        }

        return 1.0 - dot / person.Norm;
    }

    /// <summary>The two nearest people offered so far, ordered by distance, then person index (the full scan's order).</summary>
    private readonly record struct Best(int Nearest, double D1, int Second, double D2)
    {
        public static Best None => new(-1, double.PositiveInfinity, -1, double.PositiveInfinity);

        public Best Offer(int p, double d)
        {
            if (Before(p, d, Nearest, D1))
            {
                return new Best(p, d, Nearest, D1);
            }

            return Before(p, d, Second, D2) ? this with { Second = p, D2 = d } : this;
        }

        private static bool Before(int p, double d, int q, double e) => q < 0 || d < e || (d == e && p < q);
    }
}

/// <summary>
/// Of <paramref name="Arrivals"/> nearest-people searches, how many candidate sets missed the nearest person,
/// and (nearest found) the second nearest; and of those, the ones that can change a verdict: the missed
/// nearest person was within assignDistance, or the missed second one flips the margin gate for an in-reach face.
/// </summary>
internal sealed record GatedCandidateAudit(long Arrivals, long NearestMissed, long SecondMissed, long NearestMissedInReach, long MarginVerdictsChanged);
