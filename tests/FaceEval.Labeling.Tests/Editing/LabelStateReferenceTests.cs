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

    // A lower outlier distance than the default, so outlier queues hold several faces to order.
    private static readonly LabelOptions Options = new(OutlierDistance: 0.3, QueueLimit: 1000);

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
                rows.Add(Jitter(centers[p], 0.3 + 0.9 * rng.NextDouble(), rng));
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

        /// <summary>
        /// Every face the queue could hold: its sort key and its margin, how far inside the queue's
        /// condition it is (positive = in). Faces of other people are not listed.
        /// </summary>
        public (string Id, double Key, double Margin)[] Queue(int person, QueueKind kind, LabelOptions options, Func<int, bool> reviewed)
        {
            var faces = new List<(string, double, double)>();
            for (var f = 0; f < _rows.Length; f++)
            {
                if (reviewed(f))
                {
                    continue;
                }

                if (kind == QueueKind.Unassigned)
                {
                    if (_person[f] < 0 && _centroids.ContainsKey(person))
                    {
                        var mine = Distance(f, person);
                        var others = Others(f).Where(o => o.Person != person).ToArray();
                        var rival = others.Length > 0 ? others[0].Distance : double.PositiveInfinity;
                        faces.Add(($"f{f}", mine, rival - mine));
                    }

                    continue;
                }

                if (_person[f] != person)
                {
                    continue;
                }

                var own = Distance(f, person);
                var other = Others(f) is [var o, ..] ? o.Distance : double.PositiveInfinity;
                faces.Add(kind switch
                {
                    QueueKind.CloserToAnother => ($"f{f}", other - own, own - other),
                    QueueKind.SiblingAmbiguous => ($"f{f}", other - own, Math.Min(other - own, options.SiblingMargin - (other - own))),
                    QueueKind.InGateAlternative => ($"f{f}", other, options.Gate - other),
                    _ => ($"f{f}", -own, own - options.OutlierDistance),
                });
            }

            return [.. faces];
        }
    }

    /// <summary>
    /// The queue holds every face clearly inside its condition, none clearly outside, in key order; the
    /// state works in float, the reference in double (distances differ by up to about 1e-6), so faces
    /// within 1e-5 of a boundary or of each other may fall either way.
    /// </summary>
    private static void AssertQueue(IReadOnlyList<FaceView> queue, (string Id, double Key, double Margin)[] reference, string what)
    {
        const double slack = 1e-5;
        var ids = queue.Select(f => f.Id).ToArray();
        var possible = reference.Where(r => r.Margin >= -slack).ToDictionary(r => r.Id, r => r.Key);
        Assert.All(reference.Where(r => r.Margin > slack), r => Assert.True(ids.Contains(r.Id), $"{what}: {r.Id} missing"));
        Assert.All(ids, id => Assert.True(possible.ContainsKey(id), $"{what}: {id} does not belong"));
        Assert.Equal(ids.Length, ids.Distinct().Count());
        for (var i = 0; i + 1 < ids.Length; i++)
        {
            Assert.True(possible[ids[i]] <= possible[ids[i + 1]] + slack, $"{what}: {ids[i]} before {ids[i + 1]}");
        }
    }

    /// <summary>
    /// Each person's suspicious count lies between the faces clearly inside some queue of theirs and the
    /// faces possibly inside one (within the float slack of a boundary), each face counted once.
    /// </summary>
    private static void AssertSuspicious(LabelState state, Reference reference, HashSet<int> reviewed)
    {
        const double slack = 1e-5;
        var some = 0;
        foreach (var person in state.People())
        {
            var all = Enum.GetValues<QueueKind>().SelectMany(k => reference.Queue(person.Id, k, state.Options, reviewed.Contains)).ToArray();
            var surely = all.Where(r => r.Margin > slack).Select(r => r.Id).Distinct().Count();
            var maybe = all.Where(r => r.Margin >= -slack).Select(r => r.Id).Distinct().Count();
            Assert.True(person.Suspicious >= surely && person.Suspicious <= maybe,
                $"{person.Label}: {person.Suspicious} suspicious faces, the reference says {surely}..{maybe}");
            some += person.Suspicious > 0 ? 1 : 0;
        }

        Assert.True(some >= 10, $"only {some} people have suspicious faces: the library tests too little");
    }

    private static void AssertAgrees(LabelState state, float[][] rows, HashSet<int> reviewed)
    {
        var reference = new Reference(rows, state);
        var longest = new Dictionary<QueueKind, int>();
        foreach (var person in state.People())
        {
            foreach (var kind in Enum.GetValues<QueueKind>())
            {
                var queue = state.Queue(person.Id, kind);
                AssertQueue(queue, reference.Queue(person.Id, kind, state.Options, reviewed.Contains), $"{person.Label} {kind}");
                longest[kind] = Math.Max(longest.GetValueOrDefault(kind), queue.Count);
            }
        }

        AssertSuspicious(state, reference, reviewed);

        // Every kind has a queue long enough for its order to be checked.
        Assert.All(longest, kv => Assert.True(kv.Value >= 2, $"the longest {kv.Key} queue has {kv.Value} faces: the library tests too little"));
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
        using var state = new LabelState(input, Options);
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

    [Fact]
    public void A_persons_queues_follow_each_edit_that_touches_it()
    {
        var (input, rows) = Library(3);
        using var state = new LabelState(input, Options);
        var people = state.People().OrderByDescending(p => p.Faces).ToArray();
        var (largest, second) = (people[0].Id, people[1].Id);
        var reviewed = new HashSet<int>();
        var checks = 0;

        // Each check reads all of the person's queues, so a stale per-person cache would show.
        void Check()
        {
            var reference = new Reference(rows, state);
            foreach (var kind in Enum.GetValues<QueueKind>())
            {
                AssertQueue(state.Queue(largest, kind), reference.Queue(largest, kind, state.Options, reviewed.Contains), $"check {checks} {kind}");
            }

            checks++;
        }

        int FaceOf(int person)
        {
            var labels = state.Labels();
            return Enumerable.Range(0, labels.Length).First(f => labels[f] is { } l && state.ResolvePerson(l) == person && !reviewed.Contains(f));
        }

        Check();
        var leaving = FaceOf(largest);
        state.Move($"f{leaving}", second);
        reviewed.Add(leaving);
        Check();
        var arriving = FaceOf(second);
        state.Move($"f{arriving}", largest);
        reviewed.Add(arriving);
        Check();
        state.Merge(second, largest);
        Check();
        state.Undo();
        Check();
        var unassigned = FaceOf(largest);
        state.Unassign($"f{unassigned}");
        reviewed.Add(unassigned);
        Check();
    }

    [Fact]
    public void An_unlabelled_face_equally_near_two_people_queues_under_the_lower_id()
    {
        float[] twin = [1, 0.2f, 0, 0];
        var embeddings = EmbeddingMatrix.FromRowMajor([.. twin, .. twin, .. twin, .. twin, 0.9f, 0.5f, 0, 0], 5, 4);
        var input = new LabelInput(["y1", "y2", "x1", "x2", "u"], ["X", "Y"], [1, 1, 0, 0, -1], embeddings);
        using var state = new LabelState(input, new LabelOptions());

        Assert.Equal(["u"], state.Queue(0, QueueKind.Unassigned).Select(f => f.Id));
        Assert.Empty(state.Queue(1, QueueKind.Unassigned));
        Assert.Equal(["X", "Y"], state.Face("u")!.Candidates.Select(c => c.Person));
    }
}
