using FaceEval.Core.Algorithms;
using FaceEval.Core.Embeddings;
using FaceEval.Core.Graphs;
using FaceEval.Core.Tests.Support;
using Xunit.Abstractions;

namespace FaceEval.Core.Tests.Algorithms;

/// <summary>
/// The gated pipeline's incremental leftover clustering against the plain procedure: at every step, find the
/// connected components of the waiting faces from scratch (a breadth-first search here) and run the plain
/// <see cref="ChineseWhispers.Cluster(FaceGraph, ChineseWhispersOptions, int)"/> on each component's induced
/// subgraph; the kept, partly cached clusters must be exactly those.
/// </summary>
public class LeftoverClusteringTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(5, 0.5, 7)]
    [InlineData(8, 0.6, 3)]
    [InlineData(9, 0.7, 11)]
    public void EveryStepEqualsPlainChineseWhispersOnEachComponentOfTheWaitingFaces(int seed, double threshold, int perStep)
    {
        var (embeddings, _, _) = GatedPipelineTests.Library(seed);
        var graph = FaceGraph.FromDistances(DistanceMatrix.Compute(embeddings), 0.8f);
        var options = new ChineseWhispersOptions(threshold) { Iterations = 20 };
        var leftovers = new LeftoverClustering(embeddings.Count, () => graph, options, seed);
        var rng = new Random(seed);
        var order = Planted.Shuffle(embeddings.Count, rng);
        var waiting = new SortedSet<int>();
        LeftoverCluster[] previous = [];
        int arrived = 0, reused = 0, plainRuns = 0, multiFaceSteps = 0;
        while (arrived < order.Length)
        {
            for (var i = 0; i < perStep && arrived < order.Length; i++)
            {
                leftovers.Add(order[arrived]);
                waiting.Add(order[arrived++]);
            }

            var kept = leftovers.Update();
            var plain = Plain(graph, waiting, options, seed, ref plainRuns);
            Assert.Equal(plain.Count, kept.Count);
            for (var c = 0; c < plain.Count; c++)
            {
                Assert.Equal(plain[c], kept[c].Faces);
            }

            reused += kept.Count(k => previous.Contains(k));
            multiFaceSteps += kept.Count > 0 ? 1 : 0;
            previous = kept.ToArray();

            // A step settles some clusters: their faces stop waiting (as when they join a person).
            foreach (var cluster in kept.Where(_ => rng.NextDouble() < 0.3))
            {
                foreach (var f in cluster.Faces)
                {
                    Assert.True(leftovers.Remove(f));
                    waiting.Remove(f);
                }
            }

            Assert.Equal(waiting.Count, leftovers.Count);
        }

        output.WriteLine($"seed {seed} threshold {threshold}: {leftovers.Runs} Chinese Whispers runs kept, {plainRuns} plain; {reused} clusters reused; {multiFaceSteps} steps with clusters");

        // The comparison was exercised on many clusters, and the cache saved runs.
        Assert.True(multiFaceSteps >= 5, $"{multiFaceSteps} steps with clusters");
        Assert.True(reused > 0, "no cluster was kept from one step to the next");
        Assert.True(leftovers.Runs < plainRuns, $"{leftovers.Runs} runs, plain {plainRuns}");
    }

    [Fact]
    public void TheComponentSeedDependsOnTheRunSeedAndTheLowestFace()
    {
        Assert.Equal(LeftoverClustering.ComponentSeed(3, 17), LeftoverClustering.ComponentSeed(3, 17));
        Assert.NotEqual(LeftoverClustering.ComponentSeed(3, 17), LeftoverClustering.ComponentSeed(4, 17));
        Assert.NotEqual(LeftoverClustering.ComponentSeed(3, 17), LeftoverClustering.ComponentSeed(3, 18));
    }

    /// <summary>Clusters of at least two faces, each ascending, ordered by lowest face.</summary>
    private static List<int[]> Plain(FaceGraph graph, SortedSet<int> waiting, ChineseWhispersOptions options, int seed, ref int runs)
    {
        var seen = new HashSet<int>();
        var clusters = new List<int[]>();
        foreach (var start in waiting)
        {
            if (!seen.Add(start))
            {
                continue;
            }

            var component = new List<int> { start };
            var queue = new Queue<int>([start]);
            while (queue.Count > 0)
            {
                var f = queue.Dequeue();
                var ns = graph.Neighbours(f);
                var ds = graph.Distances(f);
                for (var e = 0; e < ns.Length; e++)
                {
                    if (ds[e] < (float)options.Threshold && waiting.Contains(ns[e]) && seen.Add(ns[e]))
                    {
                        component.Add(ns[e]);
                        queue.Enqueue(ns[e]);
                    }
                }
            }

            if (component.Count < 2)
            {
                continue;
            }

            component.Sort();
            runs++;
            var labels = ChineseWhispers.Cluster(graph.Subgraph(component), options, LeftoverClustering.ComponentSeed(seed, component[0]));
            clusters.AddRange(component.Select((f, k) => (f, Label: labels[k])).GroupBy(x => x.Label)
                .Select(g => g.Select(x => x.f).ToArray()).Where(g => g.Length >= 2));
        }

        clusters.Sort((a, b) => a[0].CompareTo(b[0]));
        return clusters;
    }
}
