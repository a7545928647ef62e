using System.Numerics.Tensors;
using FaceEval.Core.Embeddings;
using FaceEval.Core.Metrics;

namespace FaceEval.Core.Analysis;

/// <summary>
/// The separation (<see cref="SeparationPair"/>) of every pair of people with at least two faces, kept as
/// a summary (quantiles, share below 1, the closest pairs) plus every look-alike pair in full.
/// </summary>
/// <param name="Pairs">Number of pairs of people measured.</param>
/// <param name="Quantiles">Separation at q = 0.01, 0.05, 0.25, 0.5, 0.75 (in that order).</param>
/// <param name="OverlappingShare">Share of pairs with separation below 1.</param>
/// <param name="Closest">The least separated pairs, most overlapping first.</param>
/// <param name="Lookalikes">Each look-alike pair whose two people both have at least two faces.</param>
public sealed record PeopleSeparation(
    IReadOnlyList<PersonSpread> People,
    long Pairs,
    IReadOnlyList<double> Quantiles,
    double OverlappingShare,
    IReadOnlyList<SeparationPair> Closest,
    IReadOnlyList<SeparationPair> Lookalikes)
{
    public static IReadOnlyList<double> QuantileLevels { get; } = [0.01, 0.05, 0.25, 0.5, 0.75];

    /// <summary>Null with fewer than two people of at least two faces.</summary>
    public static PeopleSeparation? Compute(EmbeddingMatrix embeddings, IReadOnlyList<int> truth, LookalikePairs lookalikes, int closest = 50)
    {
        var centroids = Centroids.Of(embeddings, truth);
        var spreads = new List<PersonSpread>();
        for (var g = 0; g < centroids.Count; g++)
        {
            var faces = centroids.Members[g];
            if (faces.Length < 2)
            {
                continue;
            }

            var squares = faces.Sum(f => Math.Pow(centroids.Distance(embeddings, f, g), 2));
            spreads.Add(new PersonSpread(g, faces.Length, Math.Sqrt(squares / faces.Length)));
        }

        if (spreads.Count < 2)
        {
            return null;
        }

        var p = spreads.Count;
        var rows = new double[p][];
        Parallel.For(0, p, a =>
        {
            rows[a] = new double[p - a - 1];
            for (var b = a + 1; b < p; b++)
            {
                rows[a][b - a - 1] = Separation(centroids, spreads[a], spreads[b]).Separation;
            }
        });

        var all = rows.SelectMany(r => r).ToArray();
        Array.Sort(all);
        var cutoff = all[Math.Min(closest, all.Length) - 1];
        var closestPairs = new List<SeparationPair>();
        for (var a = 0; a < p; a++)
        {
            for (var b = a + 1; b < p; b++)
            {
                if (rows[a][b - a - 1] <= cutoff)
                {
                    closestPairs.Add(Separation(centroids, spreads[a], spreads[b]));
                }
            }
        }

        var byPerson = spreads.ToDictionary(s => s.Person);
        var lookalikePairs = lookalikes.Pairs
            .Where(pair => byPerson.ContainsKey(pair.A) && byPerson.ContainsKey(pair.B))
            .Select(pair => Separation(centroids, byPerson[pair.A], byPerson[pair.B]))
            .ToArray();
        var overlapping = all.TakeWhile(s => s < 1).Count();
        return new PeopleSeparation(spreads, all.Length, QuantileLevels.Select(q => Analysis.Quantiles.OfSorted(all, q)).ToArray(),
            (double)overlapping / all.Length,
            closestPairs.OrderBy(s => s.Separation).ThenBy(s => s.PersonA).ThenBy(s => s.PersonB).Take(closest).ToArray(),
            lookalikePairs);
    }

    public static SeparationPair Separation(Centroids centroids, PersonSpread a, PersonSpread b)
    {
        var distance = 1.0 - TensorPrimitives.Dot(centroids.Unit(a.Person), centroids.Unit(b.Person));
        var pooled = Math.Sqrt((a.Spread * a.Spread + b.Spread * b.Spread) / 2);
        return new SeparationPair(a.Person, b.Person, distance, pooled, pooled <= 1e-12 ? double.MaxValue : distance / pooled);
    }
}
