using FaceEval.Core.Algorithms;
using FaceEval.Core.Embeddings;
using FaceEval.Core.Neighbors;
using Xunit.Abstractions;

namespace FaceEval.Core.Tests.Algorithms;

/// <summary>Two-pass agglomerative on the graph (both passes sparse average linkage) against the full-matrix form.</summary>
public class TwoPassGraphTests(ITestOutputHelper output)
{
    private static readonly (double Pass1, double Pass2)[] Grid = [(0.1, 0.3), (0.2, 0.5), (0.3, 0.6), (0.4, 0.6), (0.15, 0.9)];

    [Theory]
    [InlineData(41)]
    [InlineData(42)]
    public void WithEveryPairInTheGraphTheLabelsAreTheFullForms(int seed)
    {
        var (embeddings, _) = DbscanGraphTests.Library(seed);
        var n = embeddings.Count;
        var full = new TwoPassSweep(embeddings, DistanceMatrix.Compute(embeddings));
        var onGraph = new TwoPassSweep(embeddings, new NeighborGraph(KnnGraph.Build(embeddings, n - 1)));
        var shapes = new HashSet<int>();
        foreach (var (p1, p2) in Grid)
        {
            var options = new TwoPassOptions(p1, p2);
            var expected = full.Labels(options);
            var labels = onGraph.Labels(options);
            Assert.True(expected.SequenceEqual(labels), $"pass1={p1} pass2={p2}: {Enumerable.Range(0, n).Count(i => expected[i] != labels[i])} faces differ");
            var fidelity = onGraph.Fidelity(options);
            Assert.Equal(0, fidelity.Pass1CutOff + fidelity.Pass1Partial + fidelity.Pass2CutOff + fidelity.Pass2Partial);
            shapes.Add(expected.Max());
        }

        Assert.True(shapes.Count >= 3, "the grid should give several different clusterings");
    }

    [Fact]
    public void ASparseGraphIsWarnedAboutWhereItDiffers()
    {
        var (embeddings, truth) = DbscanGraphTests.Library(seed: 43);
        var n = embeddings.Count;
        var full = new TwoPassSweep(embeddings, DistanceMatrix.Compute(embeddings));
        var algorithm = AlgorithmCatalog.Get(AlgorithmKind.TwoPassHac);
        var differing = 0;
        foreach (var k in new[] { 3, 10, 30 })
        {
            foreach (var (p1, p2) in Grid)
            {
                var context = new ClusteringContext(embeddings, [.. Enumerable.Range(0, n)], new int[n], truth,
                    neighbors: new NeighborChoice(NeighborStructure.Exact, k));
                var setting = ParameterSet.Create("two-pass-hac", TwoPassOptions.Parameters, new Dictionary<string, string> { ["pass1Distance"] = $"{p1}", ["pass2Distance"] = $"{p2}" });
                var labels = algorithm.Cluster(context, setting, seed: 0);
                var expected = full.Labels(new TwoPassOptions(p1, p2));
                if (!expected.SequenceEqual(labels))
                {
                    differing++;
                    Assert.NotEmpty(context.Warnings);
                    Assert.Contains(context.Warnings, w => w.Contains($"k={k}"));
                    output.WriteLine($"k={k} pass1={p1} pass2={p2}: ARI {PlantedBlobs.AdjustedRand(expected, labels):0.####}; {string.Join(" | ", context.Warnings)}");
                }
            }
        }

        Assert.True(differing >= 3, $"only {differing} settings differ; the case does not test the warning");
    }
}
