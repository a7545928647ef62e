using System.Diagnostics;
using FaceEval.Core.Algorithms;
using FaceEval.Core.Embeddings;
using FaceEval.Core.Graphs;
using FaceEval.Core.Tests.Support;
using FaceEval.Core.Tests.TestData;
using Xunit.Abstractions;

namespace FaceEval.Core.Tests.Algorithms;

/// <summary>Runs the pipelines once on the FIW embeddings in ../shared (skipped when absent). Prints timings and
/// pairwise precision/recall for information; asserts only sanity, never tuned values.</summary>
public class IncrementalRealDataSmokeTests(ITestOutputHelper output)
{
    private const string Embeddings = "embeddings/fiw/arcface_w600k_mbf_int8.npy";

    [SharedDataFact(Embeddings)]
    public void GatedAndImmichRunOnFiw()
    {
        var embeddings = SharedEmbeddings.Load("fiw", "arcface_w600k_mbf_int8");
        var (rows, columns) = (embeddings.Count, embeddings.Dimension);
        var table = SharedEmbeddings.FaceColumns("fiw", "person", "family", "photo");
        Assert.Equal(rows, table.Count);
        var truth = Ids(table.Select(r => r[0])); // empty person: a distractor, unlabelled (-1)
        var photos = Ids(table.Select(r => r[1] + "/" + r[2]));

        var clock = Stopwatch.StartNew();
        var distances = DistanceMatrix.Compute(embeddings);
        output.WriteLine($"{rows} faces x {columns}: distance matrix {clock.Elapsed.TotalSeconds:F2} s");

        var order = Enumerable.Range(0, rows).ToArray(); // no taken_at in FIW: snapshot order
        var options = new GatedOptions();
        clock.Restart();
        var graph = FaceGraph.FromDistances(distances, (float)options.ClusterDistance);
        output.WriteLine($"cluster graph at {options.ClusterDistance}: {graph.EdgeCount} edges, {clock.Elapsed.TotalSeconds:F2} s");
        var inputs = new GatedInputs(embeddings, distances, order, photos, truth, ClusterGraph: graph);

        for (var run = 0; run < 3; run++)
        {
            clock.Restart();
            var assign = 0.25 + 0.05 * run;
            var result = GatedPipeline.Run(inputs, options with { AssignDistance = assign }, 0);
            var seconds = clock.Elapsed.TotalSeconds;
            var (precision, recall) = PairCounts.PairwisePrecisionRecall(result.Labels, truth);
            output.WriteLine($"gated assignDistance={assign:F2}: {seconds:F2} s; people {result.People} (named {result.PeopleNamed}), " +
                $"by gate {result.FacesByGate}, by cluster {result.FacesByNewCluster}, folded {result.FacesByFold}, user-merged {result.FacesByUserMerge}, " +
                $"unassigned {result.Unassigned}; rejections {result.Rejections}; pairwise P {precision:F3} R {recall:F3}");

            Assert.Equal(rows, result.Labels.Length);
            Assert.Equal(result.People, result.Labels.Where(l => l >= 0).Distinct().Count());
            Assert.True(precision > 0.5, $"pairwise precision {precision}");
        }

        clock.Restart();
        var immich = ImmichRecognition.Run(distances, order, ImmichSchedule.Parse("reset"));
        var (ip, ir) = PairCounts.PairwisePrecisionRecall(immich.Labels, truth);
        output.WriteLine($"immich reset: {clock.Elapsed.TotalSeconds:F2} s; people {immich.People}; pairwise P {ip:F3} R {ir:F3}");
        clock.Restart();
        var staged = ImmichRecognition.Run(distances, order, ImmichSchedule.Parse("reset:minFaces=20, missing:minFaces=10, missing:minFaces=3"));
        var (sp, sr) = PairCounts.PairwisePrecisionRecall(staged.Labels, truth);
        output.WriteLine($"immich staged: {clock.Elapsed.TotalSeconds:F2} s; people {staged.People}; pairwise P {sp:F3} R {sr:F3}");
        Assert.True(staged.People <= immich.People + rows); // sanity: ran to completion with valid labels
    }

    private static int[] Ids(IEnumerable<string> keys)
    {
        var map = new Dictionary<string, int>();
        return keys.Select(k => k.Length == 0 ? -1 : map.TryGetValue(k, out var id) ? id : map[k] = map.Count).ToArray();
    }
}
