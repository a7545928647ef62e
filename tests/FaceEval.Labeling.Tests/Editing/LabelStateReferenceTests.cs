using FaceEval.Core.Embeddings;
using FaceEval.Labeling.Editing;

namespace FaceEval.Labeling.Tests.Editing;

/// <summary>
/// Queues, candidates and nearest people of a larger random library (planted people, look-alike pairs,
/// unlabelled faces) against a brute-force reference written here from the queue definitions, before
/// and after edits that move faces, create and merge people: the blocked search and its incremental
/// index must give what scanning every person gives.
/// </summary>
public sealed class LabelStateReferenceTests
{
    private const int Dimension = 48;
    private const int PeopleCount = 60;

    private static (LabelInput Input, float[][] Rows) Library(int seed)
    {
        var rng = new Random(seed);
        var centers = new float[PeopleCount][];
        for (var p = 0; p < PeopleCount; p++)
        {
            // Every other person is a look-alike of the one before: close centres make every queue non-empty.
            centers[p] = p % 2 == 1 ? Jitter(centers[p - 1], 0.35, rng) : Jitter(new float[Dimension], 1.0, rng);
        }

        var rows = new List<float[]>();
        var persons = new List<int>();
        for (var p = 0; p < PeopleCount; p++)
        {
            var size = 2 + rng.Next(p == 0 ? 300 : 25);
            for (var i = 0; i < size; i++)
            {
                rows.Add(Jitter(centers[p], 0.2 + 0.3 * rng.NextDouble(), rng));
                persons.Add(p);
            }
        }

        for (var i = 0; i < 250; i++)
        {
            rows.Add(Jitter(centers[rng.Next(PeopleCount)], 0.4, rng));
            persons.Add(-1);
        }

        var embeddings = EmbeddingMatrix.FromRowMajor(rows.SelectMany(r => r).ToArray(), rows.Count, Dimension);
        var normalised = Enumerable.Range(0, rows.Count).Select(i => embeddings.Row(i).ToArray()).ToArray();
        var input = new LabelInput(Enumerable.Range(0, rows.Count).Select(i => $"f{i}").ToArray(),
            Enumerable.Range(0, PeopleCount).Select(p => $"P{p}").ToArray(), [.. persons], embeddings);
        return (input, normalised);
    }

    private static float[] Jitter(float[] center, double scale, Random rng) =>
        center.Select(v => (float)(v + scale * (rng.NextDouble() * 2 - 1))).ToArray();

    /// <summary>The queue definitions of the issue, in double precision over every person.</summary>
    private sealed class Reference
    {
        private readonly float[][] _rows;
        private readonly int[] _person;
        private readonly Dictionary<int, double[]> _centroids = [];

        public Reference(float[][] rows, LabelState state)
        {
            _rows = rows;
            var labels = state.Labels();
            var ids = labels.Where(l => l is not null).Distinct().ToDictionary(l => l!, l => state.ResolvePerson(l!)!.Value);
            _person = labels.Select(l => l is null ? -1 : ids[l]).ToArray();
            foreach (var group in Enumerable.Range(0, rows.Length).Where(f => _person[f] >= 0).GroupBy(f => _person[f]))
            {
                var sum = new double[Dimension];
                foreach (var f in group)
                {
                    for (var d = 0; d < Dimension; d++)
                    {
                        sum[d] += rows[f][d];
                    }
                }

                var norm = Math.Sqrt(sum.Sum(v => v * v));
                _centroids[group.Key] = sum.Select(v => v / norm).ToArray();
            }
        }

        private readonly Dictionary<int, (int Person, double Distance)[]> _others = [];

        public double Distance(int face, int person)
        {
            var (row, centroid) = (_rows[face], _centroids[person]);
            var dot = 0.0;
            for (var d = 0; d < Dimension; d++)
            {
                dot += row[d] * centroid[d];
            }

            return 1 - dot;
        }

        /// <summary>Every person but the face's own, nearest first.</summary>
        public (int Person, double Distance)[] Others(int face)
        {
            if (!_others.TryGetValue(face, out var others))
            {
                others = _centroids.Keys.Where(p => p != _person[face]).Select(p => (p, Distance(face, p)))
                    .OrderBy(x => x.Item2).ThenBy(x => x.p).ToArray();
                _others[face] = others;
            }

            return others;
        }

        public string[] Queue(int person, QueueKind kind, LabelOptions options, Func<int, bool> reviewed)
        {
            var hits = new List<(double Key, int Face)>();
            for (var f = 0; f < _rows.Length; f++)
            {
                if (reviewed(f))
                {
                    continue;
                }

                if (kind == QueueKind.Unassigned)
                {
                    if (_person[f] < 0 && Others(f) is [var best, ..] && best.Person == person)
                    {
                        hits.Add((best.Distance, f));
                    }

                    continue;
                }

                if (_person[f] != person)
                {
                    continue;
                }

                var own = Distance(f, person);
                var other = Others(f) is [var o, ..] ? o.Distance : double.PositiveInfinity;
                double? key = kind switch
                {
                    QueueKind.CloserToAnother => other < own ? other - own : null,
                    QueueKind.SiblingAmbiguous => other >= own && other - own <= options.SiblingMargin ? other - own : null,
                    QueueKind.InGateAlternative => other <= options.Gate ? other : null,
                    _ => own >= options.OutlierDistance ? -own : null,
                };
                if (key is { } k)
                {
                    hits.Add((k, f));
                }
            }

            return hits.OrderBy(h => h.Key).ThenBy(h => h.Face).Take(options.QueueLimit).Select(h => $"f{h.Face}").ToArray();
        }
    }

    private static void AssertAgrees(LabelState state, float[][] rows, HashSet<int> reviewed)
    {
        var reference = new Reference(rows, state);
        var nonEmpty = 0;
        foreach (var person in state.People())
        {
            foreach (var kind in Enum.GetValues<QueueKind>())
            {
                var queue = state.Queue(person.Id, kind);
                Assert.Equal(reference.Queue(person.Id, kind, state.Options, reviewed.Contains), queue.Select(f => f.Id).ToArray());
                nonEmpty += queue.Count > 0 ? 1 : 0;
            }
        }

        Assert.True(nonEmpty > 20, $"only {nonEmpty} non-empty queues: the library tests too little");
        foreach (var f in new[] { 0, 5, 400, rows.Length - 1, rows.Length - 7 })
        {
            var view = state.Face($"f{f}")!;
            var expected = reference.Others(f).Take(state.Options.Candidates).ToArray();
            Assert.Equal(expected.Select(e => e.Person), view.Candidates.Select(c => c.PersonId));
            Assert.All(view.Candidates.Zip(expected), pair => Assert.InRange(pair.First.Distance - pair.Second.Distance, -1e-5, 1e-5));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Queues_and_candidates_equal_a_scan_of_every_person_before_and_after_edits(int seed)
    {
        var (input, rows) = Library(seed);
        using var state = new LabelState(input, new LabelOptions(QueueLimit: 1000));
        var reviewed = new HashSet<int>();
        AssertAgrees(state, rows, reviewed);

        var rng = new Random(seed);
        for (var i = 0; i < 25; i++)
        {
            var face = rng.Next(rows.Length);
            reviewed.Add(face);
            switch (i % 5)
            {
                case 0:
                    state.Unassign($"f{face}");
                    break;
                case 1:
                    state.NewPerson($"f{face}");
                    break;
                default:
                    state.Move($"f{face}", state.People()[rng.Next(state.People().Count)].Id);
                    break;
            }
        }

        var people = state.People();
        state.Merge(people[3].Id, people[4].Id);
        AssertAgrees(state, rows, reviewed);

        Assert.True(state.Undo());
        Assert.True(state.Undo());
        // Undoing puts the reviewed marks back as they were; read them from the state.
        reviewed.Clear();
        foreach (var f in state.Labels().Select((l, f) => f).Where(f => state.Face($"f{f}")!.Reviewed))
        {
            reviewed.Add(f);
        }

        AssertAgrees(state, rows, reviewed);
    }
}
