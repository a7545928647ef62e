using FaceEval.Core.Embeddings;
using FaceEval.Core.Snapshots;

namespace FaceEval.Core.Tests.Synthetic;

/// <summary>
/// The 5/25/50/75/95% quantiles of the four distance kinds tools/fixtures/measure_real_distances.py
/// measures, drawn the same way from a snapshot's own tables and vectors, every person (or pair of
/// people) weighing the same: two faces of one person, a face each of two people, a face each of two
/// siblings, a face of a person with at least 10 faces to that person's normalised mean.
/// </summary>
public sealed record DistanceSample(double[] Same, double[] Different, double[] Sibling, double[] Centroid)
{
    private const int Draws = 200_000;

    public static DistanceSample Measure(Snapshot snapshot)
    {
        var x = snapshot.LoadEmbeddings(snapshot.Models[0]);
        var truth = snapshot.GroundTruth();
        var members = Enumerable.Range(0, snapshot.People.Count).Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < truth.Length; i++)
        {
            if (truth[i] >= 0)
            {
                members[truth[i]].Add(i);
            }
        }

        var rng = new Random(5);
        var index = snapshot.People.Select((p, i) => (p, i)).ToDictionary(t => t.p, t => t.i, StringComparer.Ordinal);
        var siblings = snapshot.Relations.Where(r => r.Type == "sibling").Select(r => (members[index[r.PersonA]], members[index[r.PersonB]])).ToArray();
        var several = members.Where(m => m.Count > 1).ToArray();
        var centroids = members.Where(m => m.Count >= 10).Select(m => ToCentroid(x, m)).ToArray();
        return new DistanceSample(
            Draw(rng, () =>
            {
                var m = several[rng.Next(several.Length)];
                var i = rng.Next(m.Count);
                var j = rng.Next(m.Count - 1);
                return Distance(x, m[i], m[j >= i ? j + 1 : j]);
            }),
            Draw(rng, () =>
            {
                var (a, b) = (rng.Next(members.Length), rng.Next(members.Length - 1));
                return Distance(x, Any(members[a], rng), Any(members[b >= a ? b + 1 : b], rng));
            }),
            Draw(rng, () =>
            {
                var (a, b) = siblings[rng.Next(siblings.Length)];
                return Distance(x, Any(a, rng), Any(b, rng));
            }),
            Draw(rng, () => Any(centroids[rng.Next(centroids.Length)], rng)));
    }

    private static T Any<T>(IReadOnlyList<T> list, Random rng) => list[rng.Next(list.Count)];

    private static double[] Draw(Random rng, Func<double> one) => Quantiles(Enumerable.Range(0, Draws).Select(_ => one()).ToList());

    /// <summary>Distance of each of the person's faces to the normalised mean of them all.</summary>
    private static double[] ToCentroid(EmbeddingMatrix x, List<int> faces)
    {
        var centre = new double[x.Dimension];
        foreach (var i in faces)
        {
            var row = x.Row(i);
            for (var k = 0; k < centre.Length; k++)
            {
                centre[k] += row[k];
            }
        }

        var norm = Math.Sqrt(centre.Sum(v => v * v));
        return faces.Select(i =>
        {
            var row = x.Row(i);
            double dot = 0;
            for (var k = 0; k < centre.Length; k++)
            {
                dot += row[k] * centre[k];
            }

            return 1 - dot / norm;
        }).ToArray();
    }

    private static double Distance(EmbeddingMatrix x, int a, int b)
    {
        var ra = x.Row(a);
        var rb = x.Row(b);
        double dot = 0;
        for (var k = 0; k < ra.Length; k++)
        {
            dot += ra[k] * (double)rb[k];
        }

        return 1 - dot;
    }

    /// <summary>numpy.percentile's default (linear interpolation between order statistics).</summary>
    private static double[] Quantiles(List<double> values)
    {
        Assert.NotEmpty(values);
        values.Sort();
        return RealDistances.Quantiles.Select(q =>
        {
            var at = q / 100.0 * (values.Count - 1);
            var lo = (int)Math.Floor(at);
            var hi = Math.Min(lo + 1, values.Count - 1);
            return values[lo] + (at - lo) * (values[hi] - values[lo]);
        }).ToArray();
    }
}
