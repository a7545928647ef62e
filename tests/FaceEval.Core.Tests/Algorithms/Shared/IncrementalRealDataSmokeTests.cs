using System.Diagnostics;
using FaceEval.Core.Algorithms;
using FaceEval.Core.Embeddings;
using FaceEval.Core.Graphs;
using FaceEval.Core.Tests.Support;
using FaceEval.Core.Tests.TestData;
using Xunit.Abstractions;

namespace FaceEval.Core.Tests.Algorithms;

/// <summary>Runs the pipelines once on the FIW embeddings in ../shared (skipped when absent). Prints timings and
/// pairwise precision/recall; asserts floors against FIW's labelled people well below what the working code
/// reaches, and the guarantees of Immich's procedure checked from the distance matrix.</summary>
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

        // Immich: its procedure's own guarantees, checked from the distance matrix (not from the replay's
        // internals), and a floor against FIW's labelled people far above what a broken replay reaches.
        const float maxDistance = (float)ImmichRun.DefaultMaxDistance;
        var within = WithinCounts(distances, maxDistance);
        var component = Components(distances, maxDistance);

        clock.Restart();
        var immich = ImmichRecognition.Run(distances, order, ImmichSchedule.Parse("reset"));
        var (ip, ir) = PairCounts.PairwisePrecisionRecall(immich.Labels, truth);
        output.WriteLine($"immich reset: {clock.Elapsed.TotalSeconds:F2} s; people {immich.People}; pairwise P {ip:F3} R {ir:F3}");
        FollowsImmichsProcedure("reset", immich.Labels, within, component, distances, maxDistance, ImmichRun.DefaultMinFaces, ImmichRun.DefaultMinFaces);
        Assert.True(ip >= 0.55 && ir >= 0.35, $"immich reset: pairwise precision {ip:F3} (floor 0.55), recall {ir:F3} (floor 0.35)");

        clock.Restart();
        var staged = ImmichRecognition.Run(distances, order, ImmichSchedule.Parse("reset:minFaces=20, missing:minFaces=10, missing:minFaces=3"));
        var (sp, sr) = PairCounts.PairwisePrecisionRecall(staged.Labels, truth);
        output.WriteLine($"immich staged: {clock.Elapsed.TotalSeconds:F2} s; people {staged.People}; pairwise P {sp:F3} R {sr:F3}");
        // Founders of the staged schedule are at least 3-core (the weakest job's minFaces); its last job
        // (minFaces 3) leaves no face unassigned that lies within maxDistance of a 3-core face.
        FollowsImmichsProcedure("staged", staged.Labels, within, component, distances, maxDistance, 3, 3);
        Assert.True(sp >= 0.25 && sr >= 0.4, $"immich staged: pairwise precision {sp:F3} (floor 0.25), recall {sr:F3} (floor 0.4)");

        // A "missing" job keeps existing people: every face the first job (reset, minFaces 20) assigned keeps
        // its person, and no two of those people merge.
        var first = ImmichRecognition.Run(distances, order, ImmichSchedule.Parse("reset:minFaces=20"));
        FollowsImmichsProcedure("reset:minFaces=20", first.Labels, within, component, distances, maxDistance, 20, 20);
        var firstToStaged = new Dictionary<int, int>();
        var stagedToFirst = new Dictionary<int, int>();
        for (var f = 0; f < rows; f++)
        {
            if (first.Labels[f] < 0)
            {
                continue;
            }

            Assert.True(staged.Labels[f] >= 0, $"face {f}, assigned by the first job, lost its person in a later 'missing' job");
            Assert.True(firstToStaged.TryAdd(first.Labels[f], staged.Labels[f]) || firstToStaged[first.Labels[f]] == staged.Labels[f],
                $"a person of the first job was split by a later 'missing' job (face {f})");
            Assert.True(stagedToFirst.TryAdd(staged.Labels[f], first.Labels[f]) || stagedToFirst[staged.Labels[f]] == first.Labels[f],
                $"two people of the first job were merged by a later 'missing' job (face {f})");
        }

        Assert.True(firstToStaged.Count > 0, "the first job created nobody; the check above checked nothing");
    }

    /// <summary>
    /// What Immich's recognition job guarantees, whatever the queue order: a face with no other face within
    /// maxDistance is never assigned; every person lies inside one connected component of the graph "distance
    /// &lt;= maxDistance" (a face only ever takes the person of a face within maxDistance); every person contains
    /// a founder, a face with at least <paramref name="founderMinFaces"/> faces within maxDistance (itself
    /// included); and a face within maxDistance of a face with at least <paramref name="lastMinFaces"/> such
    /// faces is assigned (that core face gets a person in the last job's first pass, before the face's deferred turn).
    /// </summary>
    private static void FollowsImmichsProcedure(string name, int[] labels, int[] within, int[] component, DistanceMatrix distances,
        float maxDistance, int founderMinFaces, int lastMinFaces)
    {
        var componentOf = new Dictionary<int, int>();
        var hasFounder = new HashSet<int>();
        for (var f = 0; f < labels.Length; f++)
        {
            var label = labels[f];
            if (label < 0)
            {
                continue;
            }

            Assert.True(within[f] > 1, $"{name}: face {f} has no other face within {maxDistance} but was assigned");
            Assert.True(componentOf.TryAdd(label, component[f]) || componentOf[label] == component[f],
                $"{name}: person {label} spans two components of the distance <= {maxDistance} graph");
            if (within[f] >= founderMinFaces)
            {
                hasFounder.Add(label);
            }
        }

        var withoutFounder = componentOf.Keys.Where(p => !hasFounder.Contains(p)).ToList();
        Assert.True(withoutFounder.Count == 0, $"{name}: {withoutFounder.Count} people have no face with >= {founderMinFaces} faces within {maxDistance}, e.g. person {withoutFounder.FirstOrDefault()}");

        for (var f = 0; f < labels.Length; f++)
        {
            if (within[f] < lastMinFaces)
            {
                continue;
            }

            var row = distances.Row(f);
            for (var g = 0; g < labels.Length; g++)
            {
                if (row[g] <= maxDistance && labels[g] < 0)
                {
                    Assert.Fail($"{name}: face {g} lies within {maxDistance} of the core face {f} but is unassigned");
                }
            }
        }

        Assert.True(componentOf.Count > 0, $"{name}: nobody was created");
    }

    /// <summary>Per face, how many faces (itself included) lie within maxDistance.</summary>
    private static int[] WithinCounts(DistanceMatrix distances, float maxDistance)
    {
        var counts = new int[distances.Count];
        Parallel.For(0, distances.Count, f =>
        {
            var row = distances.Row(f);
            var count = 0;
            foreach (var d in row)
            {
                count += d <= maxDistance ? 1 : 0;
            }

            counts[f] = count;
        });
        return counts;
    }

    /// <summary>Connected components of the graph with an edge wherever distance &lt;= maxDistance (union-find).</summary>
    private static int[] Components(DistanceMatrix distances, float maxDistance)
    {
        var parent = Enumerable.Range(0, distances.Count).ToArray();
        int Find(int x)
        {
            while (parent[x] != x)
            {
                x = parent[x] = parent[parent[x]];
            }

            return x;
        }

        for (var a = 0; a < distances.Count; a++)
        {
            var row = distances.Row(a);
            for (var b = a + 1; b < row.Length; b++)
            {
                if (row[b] <= maxDistance)
                {
                    parent[Find(a)] = Find(b);
                }
            }
        }

        return Enumerable.Range(0, distances.Count).Select(Find).ToArray();
    }

    private static int[] Ids(IEnumerable<string> keys)
    {
        var map = new Dictionary<string, int>();
        return keys.Select(k => k.Length == 0 ? -1 : map.TryGetValue(k, out var id) ? id : map[k] = map.Count).ToArray();
    }
}
