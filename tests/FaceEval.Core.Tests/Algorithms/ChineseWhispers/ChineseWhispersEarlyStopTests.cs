using FaceEval.Core.Algorithms;
using FaceEval.Core.Graphs;

namespace FaceEval.Core.Tests.Algorithms;

/// <summary>
/// Chinese Whispers stops once no node would change its label; the labels must be exactly those of all
/// Iterations * n picks, and skipping the picks of nodes whose neighbours did not change must not alter
/// any pick's outcome. The reference here is dlib's loop transcribed plainly (every pick made, votes in
/// an ordered map as dlib's std::map, ties to the smallest label), with the same random stream.
/// </summary>
public class ChineseWhispersEarlyStopTests
{
    private static int[] Reference(int n, IReadOnlyList<FaceEdge> edges, ChineseWhispersOptions options, int seed)
    {
        var adjacency = Enumerable.Range(0, n).Select(_ => new List<(int To, double W)>()).ToArray();
        foreach (var e in edges.Where(e => e.Distance < options.Threshold))
        {
            var w = options.Weight == EdgeWeight.Unit ? 1.0 : 1.0 - e.Distance;
            adjacency[e.A].Add((e.B, w));
            adjacency[e.B].Add((e.A, w));
        }

        var labels = Enumerable.Range(0, n).ToArray();
        var rng = new Random(seed);
        for (long step = 0; step < (long)n * options.Iterations; step++)
        {
            var node = rng.Next(n);
            var votes = new SortedDictionary<int, double>();
            if (options.SelfLoops && options.Weight == EdgeWeight.Unit)
            {
                votes[labels[node]] = 1.0;
            }

            foreach (var (to, w) in adjacency[node])
            {
                votes[labels[to]] = votes.GetValueOrDefault(labels[to]) + w;
            }

            if (votes.Count > 0)
            {
                labels[node] = votes.Aggregate((best, v) => v.Value > best.Value ? v : best).Key;
            }
        }

        var renumber = new Dictionary<int, int>();
        return labels.Select(l => renumber.TryGetValue(l, out var r) ? r : renumber[l] = renumber.Count).ToArray();
    }

    [Theory]
    [InlineData(1, 200, 3, EdgeWeight.Unit, true, 100)]
    [InlineData(2, 300, 2, EdgeWeight.Unit, false, 100)]
    [InlineData(3, 250, 4, EdgeWeight.Similarity, false, 100)]
    [InlineData(4, 500, 3, EdgeWeight.Unit, true, 100)]
    // Dense unit-weight graphs tie often; one to three rounds stop at the cap, before any fixed point,
    // where skipping clean nodes must still leave every pick's outcome as dlib's.
    [InlineData(5, 400, 8, EdgeWeight.Unit, false, 100)]
    [InlineData(6, 400, 8, EdgeWeight.Unit, false, 1)]
    [InlineData(7, 300, 6, EdgeWeight.Similarity, false, 2)]
    [InlineData(8, 300, 6, EdgeWeight.Unit, true, 3)]
    public void StoppingAtTheFixedPointGivesTheLabelsOfEveryPick(int seed, int n, int degree, EdgeWeight weight, bool selfLoops, int iterations)
    {
        // Random sparse graphs of varied distances: they converge in a few rounds, well before 100.
        var rng = new Random(seed);
        var edges = RandomEdges(rng, n, n * degree, () => (float)(rng.NextDouble() * 0.6));

        var options = new ChineseWhispersOptions(0.5) { Weight = weight, SelfLoops = selfLoops, Iterations = iterations };

        var labels = ChineseWhispers.Cluster(FaceGraph.FromEdges(n, edges), options, seed);

        Assert.Equal(Reference(n, edges, options, seed), labels);
    }

    [Theory]
    [InlineData(5, 120, 4, EdgeWeight.Unit, true, 100)]
    [InlineData(6, 120, 4, EdgeWeight.Unit, false, 100)]
    [InlineData(7, 150, 3, EdgeWeight.Similarity, false, 100)]
    [InlineData(8, 200, 5, EdgeWeight.Unit, true, 1)]
    [InlineData(9, 200, 5, EdgeWeight.Similarity, false, 2)]
    [InlineData(10, 90, 6, EdgeWeight.Unit, false, 3)]
    [InlineData(11, 300, 2, EdgeWeight.Similarity, true, 100)]
    public void SkippedPicksGiveTheLabelsOfEveryPickWithTiesAndFewIterations(int seed, int n, int degree, EdgeWeight weight, bool selfLoops, int iterations)
    {
        // Distances on a grid of 1/8 (exact in float and double): similarity votes tie exactly and are
        // summed without rounding, so ties are decided by the smallest-label rule alone; some edges lie
        // exactly at the threshold (not edges), a quarter of the nodes have none, and with 1 to 3
        // iterations the run stops by its pick budget before any fixed point.
        var rng = new Random(seed);
        var edges = RandomEdges(rng, n * 3 / 4, n * degree, () => rng.Next(1, 6) / 8f);

        var options = new ChineseWhispersOptions(0.5) { Weight = weight, SelfLoops = selfLoops, Iterations = iterations };

        var labels = ChineseWhispers.Cluster(FaceGraph.FromEdges(n, edges), options, seed);

        Assert.Contains(edges, e => e.Distance == 0.5f);
        Assert.Equal(Reference(n, edges, options, seed), labels);
    }

    /// <summary>Up to <paramref name="draws"/> distinct undirected edges among the first <paramref name="endpoints"/> nodes.</summary>
    private static List<FaceEdge> RandomEdges(Random rng, int endpoints, int draws, Func<float> distance)
    {
        var edges = new List<FaceEdge>();
        var seen = new HashSet<(int, int)>();
        for (var i = 0; i < draws; i++)
        {
            var (a, b) = (rng.Next(endpoints), rng.Next(endpoints));
            if (a != b && seen.Add((Math.Min(a, b), Math.Max(a, b))))
            {
                edges.Add(new FaceEdge(Math.Min(a, b), Math.Max(a, b), distance()));
            }
        }

        return edges;
    }
}
