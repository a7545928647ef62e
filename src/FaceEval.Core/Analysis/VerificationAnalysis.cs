using System.Numerics.Tensors;
using FaceEval.Core.Embeddings;

namespace FaceEval.Core.Analysis;

/// <summary>Builds the verification pairs of a labelled snapshot and scores them (<see cref="VerificationResult"/>).</summary>
public static class VerificationAnalysis
{
    /// <summary>Null when there is no genuine or no impostor pair (fewer than two people, or nobody with two faces).</summary>
    public static VerificationResult? Compute(EmbeddingMatrix embeddings, IReadOnlyList<int> truth, VerificationOptions options)
    {
        var people = truth.Where(t => t >= 0).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        var members = new Dictionary<int, List<int>>();
        var labelled = new List<int>();
        for (var i = 0; i < truth.Count; i++)
        {
            if (truth[i] >= 0)
            {
                labelled.Add(i);
                (members.TryGetValue(truth[i], out var m) ? m : members[truth[i]] = []).Add(i);
            }
        }

        long genuineAvailable = people.Values.Sum(n => (long)n * (n - 1) / 2);
        var impostorAvailable = (long)labelled.Count * (labelled.Count - 1) / 2 - genuineAvailable;
        if (genuineAvailable == 0 || impostorAvailable == 0)
        {
            return null;
        }

        var random = new Random(options.Seed);
        var pairs = new List<(int A, int B, bool Same)>();
        var genuineSampled = genuineAvailable > options.MaxGenuinePairs;
        if (!genuineSampled)
        {
            foreach (var m in members.Values)
            {
                for (var a = 0; a < m.Count; a++)
                {
                    for (var b = a + 1; b < m.Count; b++)
                    {
                        pairs.Add((m[a], m[b], true));
                    }
                }
            }
        }
        else
        {
            // A person is drawn in proportion to its pairs, then a pair of its faces: uniform over genuine pairs.
            var lists = members.Values.Where(m => m.Count > 1).ToArray();
            var cumulative = new long[lists.Length];
            long running = 0;
            for (var p = 0; p < lists.Length; p++)
            {
                running += (long)lists[p].Count * (lists[p].Count - 1) / 2;
                cumulative[p] = running;
            }

            for (var k = 0; k < options.MaxGenuinePairs; k++)
            {
                var pick = random.NextInt64(running);
                var p = Array.BinarySearch(cumulative, pick + 1);
                p = p < 0 ? ~p : p;
                var (a, b) = TwoOf(lists[p].Count, random);
                pairs.Add((lists[p][a], lists[p][b], true));
            }
        }

        var impostorSampled = impostorAvailable > options.MaxImpostorPairs;
        if (!impostorSampled)
        {
            for (var a = 0; a < labelled.Count; a++)
            {
                for (var b = a + 1; b < labelled.Count; b++)
                {
                    if (truth[labelled[a]] != truth[labelled[b]])
                    {
                        pairs.Add((labelled[a], labelled[b], false));
                    }
                }
            }
        }
        else
        {
            for (var k = 0; k < options.MaxImpostorPairs;)
            {
                var (a, b) = TwoOf(labelled.Count, random);
                if (truth[labelled[a]] != truth[labelled[b]])
                {
                    pairs.Add((labelled[a], labelled[b], false));
                    k++;
                }
            }
        }

        var distances = new double[pairs.Count];
        Parallel.For(0, pairs.Count, k => distances[k] = 1.0 - TensorPrimitives.Dot(embeddings.Row(pairs[k].A), embeddings.Row(pairs[k].B)));
        var roc = RocCurve.Compute(distances, pairs.Select(p => p.Same).ToArray());
        var (eer, eerThreshold) = roc.EqualErrorRate();
        return new VerificationResult(roc, VerificationOptions.TargetFars.Select(roc.TarAtFar).ToArray(), eer, eerThreshold,
            genuineAvailable, impostorAvailable, genuineSampled, impostorSampled, options.Seed);
    }

    private static (int A, int B) TwoOf(int n, Random random)
    {
        var a = random.Next(n);
        var b = random.Next(n - 1);
        return (a, b >= a ? b + 1 : b);
    }
}
