using System.Numerics.Tensors;
using FaceEval.Core.Graphs;

namespace FaceEval.Core.Algorithms;

/// <summary>
/// Gated assignment with leftover clustering, as a production photo app runs it (issue 4, algorithm 6;
/// thresholds documented by gumnut-ai/demos face-cleanup). Faces arrive one by one in
/// <see cref="GatedInputs.ArrivalOrder"/>. An arriving face joins the person whose centroid (the weighted mean
/// of its faces' embeddings, weights <see cref="GatedInputs.Weights"/> or 1) is nearest, only if it passes
/// every gate of <see cref="GatedOptions"/>; otherwise it waits unassigned. Every ClusterEvery arrivals, and
/// after the last, the waiting faces are clustered with <see cref="ChineseWhispers"/>; each cluster of at least
/// two faces folds into a named person under strict checks, or else becomes a new unnamed person if it spans
/// enough photos and is cohesive, or else its faces keep waiting. Then a simulated user names pure enough
/// people from ground truth.
/// <para>Invariant: automation only ever adds faces to people; it never removes a face from a person, splits
/// one, or merges people. The only merge is the user's, and it moves an unnamed person into a named one, so
/// a named person never loses a face and never disappears.</para>
/// </summary>
public static class GatedPipeline
{
    /// <summary>
    /// Runs the pipeline. Deterministic for a seed (only Chinese Whispers draws random numbers; clustering
    /// step t uses a seed derived from <paramref name="seed"/> and t). <paramref name="observer"/>, when given,
    /// sees the state after every arrival and every clustering step.
    /// </summary>
    public static GatedResult Run(GatedInputs inputs, GatedOptions options, int seed, Action<GatedSnapshot>? observer = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return Run(inputs, options, seed, observer, inputs.Validate().Geometry());
    }

    /// <summary>The same on a given geometry (e.g. an auditing <see cref="GatedGraphGeometry"/>).</summary>
    internal static GatedResult Run(GatedInputs inputs, GatedOptions options, int seed, Action<GatedSnapshot>? observer, IGatedGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(options);
        inputs.Validate();

        var run = new Runner(inputs, options, seed, observer, geometry);
        return run.Execute();
    }

    private sealed class Runner(GatedInputs inputs, GatedOptions options, int seed, Action<GatedSnapshot>? observer, IGatedGeometry geometry)
    {
        private readonly int _n = inputs.Count;
        private readonly int[] _personOf = Filled(inputs.Count, -1);
        private readonly bool[] _arrived = new bool[inputs.Count];
        private readonly List<GatedPerson> _people = [];
        private readonly List<bool> _named = [];
        private readonly List<int> _assigned = [];
        private readonly Dictionary<int, int> _namedByTruth = [];
        private int _arrivals;
        private int _steps;
        private int _peopleCreated, _byGate, _byCluster, _byFold, _byUserMerge;
        private int _noPerson, _distance, _minFaces, _cohesion, _margin;
        private FaceGraph? _graph;

        public GatedResult Execute()
        {
            var sinceClustering = 0;
            foreach (var face in inputs.ArrivalOrder)
            {
                Arrive(face);
                Notify(GatedEvent.Arrival);
                if (++sinceClustering == options.ClusterEvery)
                {
                    ClusterLeftovers();
                    sinceClustering = 0;
                }
            }

            if (sinceClustering > 0)
            {
                ClusterLeftovers();
            }

            var labels = (int[])_personOf.Clone();
            var people = FirstSeenLabels.Renumber(labels);
            return new GatedResult(
                labels,
                people,
                _named.Count(x => x),
                _peopleCreated,
                _byGate,
                _byCluster,
                _byFold,
                _byUserMerge,
                labels.Count(l => l < 0),
                _steps,
                new GatedRejections(_noPerson, _distance, _minFaces, _cohesion, _margin));
        }

        private void Arrive(int face)
        {
            _arrived[face] = true;
            _arrivals++;

            var (nearest, d1, second, d2) = geometry.NearestPeople(face, _people, _personOf, _assigned);
            if (nearest < 0)
            {
                _noPerson++;
            }
            else if (d1 > options.AssignDistance)
            {
                _distance++;
            }
            else if (_people[nearest].Faces.Count < options.MinPersonFaces)
            {
                _minFaces++;
            }
            else if (!_people[nearest].IsCohesive(geometry, options.CohesionMax, options.CohesionRefreshGrowth))
            {
                _cohesion++;
            }
            else if (second >= 0 && d2 - d1 < options.Margin)
            {
                _margin++;
            }
            else
            {
                Assign(face, nearest);
                _byGate++;
            }
        }

        private void ClusterLeftovers()
        {
            _steps++;
            var waiting = new List<int>();
            for (var f = 0; f < _n; f++)
            {
                if (_arrived[f] && _personOf[f] < 0)
                {
                    waiting.Add(f);
                }
            }

            if (waiting.Count >= 2)
            {
                _graph ??= inputs.ClusterGraph ?? geometry.ClusterGraph((float)options.ClusterDistance);
                var cw = new ChineseWhispersOptions(options.ClusterDistance) { Iterations = options.ClusterIterations, Weight = options.ClusterEdgeWeight };
                var labels = ChineseWhispers.Cluster(_graph.Subgraph(waiting), cw, StepSeed(seed, _steps));
                var clusters = new List<int>[labels.Length == 0 ? 0 : labels.Max() + 1];
                for (var k = 0; k < labels.Length; k++)
                {
                    (clusters[labels[k]] ??= []).Add(waiting[k]);
                }

                var namedCentroids = NamedCentroids();
                foreach (var cluster in clusters)
                {
                    if (cluster.Count >= 2)
                    {
                        Settle(cluster, namedCentroids);
                    }
                }
            }

            NamePeople();
            Notify(GatedEvent.Clustering);
        }

        private void Settle(List<int> cluster, List<(int Person, float[] Unit)> namedCentroids)
        {
            var dim = inputs.Embeddings.Dimension;
            var centroid = new float[dim];
            foreach (var f in cluster)
            {
                var w = inputs.Weights?[f] ?? 1f;
                var row = inputs.Embeddings.Row(f);
                for (var k = 0; k < dim; k++)
                {
                    centroid[k] += w * row[k];
                }
            }

            var norm = TensorPrimitives.Norm(centroid);
            if (norm > 0)
            {
                TensorPrimitives.Divide(centroid, norm, centroid);
            }

            int nearest = -1;
            double d1 = double.PositiveInfinity, d2 = double.PositiveInfinity;
            foreach (var (person, unit) in namedCentroids)
            {
                var d = 1.0 - TensorPrimitives.Dot(centroid, unit);
                if (d < d1)
                {
                    d2 = d1;
                    nearest = person;
                    d1 = d;
                }
                else if (d < d2)
                {
                    d2 = d;
                }
            }

            if (nearest >= 0
                && d1 <= options.FoldDistance
                && d2 - d1 >= options.FoldMargin
                && cluster.Count <= options.FoldMaxRelativeSize * _people[nearest].Faces.Count
                && geometry.Cohesive(cluster, options.FoldCohesionMax))
            {
                foreach (var f in cluster)
                {
                    Assign(f, nearest);
                }

                _byFold += cluster.Count;
                return;
            }

            var photos = new HashSet<int>();
            foreach (var f in cluster)
            {
                photos.Add(inputs.PhotoOfFace[f]);
            }

            if (photos.Count >= options.MinPhotos && geometry.Cohesive(cluster, options.ClusterCohesionMax))
            {
                var p = NewPerson();
                foreach (var f in cluster)
                {
                    Assign(f, p);
                }

                _peopleCreated++;
                _byCluster += cluster.Count;
            }
        }

        private List<(int Person, float[] Unit)> NamedCentroids()
        {
            var list = new List<(int, float[])>();
            for (var p = 0; p < _people.Count; p++)
            {
                var person = _people[p];
                if (person.Alive && person.Named)
                {
                    var unit = new float[person.Sum.Length];
                    for (var k = 0; k < unit.Length; k++)
                    {
                        unit[k] = (float)(person.Sum[k] / person.Norm);
                    }

                    list.Add((p, unit));
                }
            }

            return list;
        }

        /// <summary>The simulated user: names pure enough unnamed people, merging into an already named identity.</summary>
        private void NamePeople()
        {
            var counts = new Dictionary<int, int>();
            for (var p = 0; p < _people.Count; p++)
            {
                var person = _people[p];
                if (!person.Alive || person.Named || person.Faces.Count < options.NameMinFaces)
                {
                    continue;
                }

                counts.Clear();
                int truth = -1, best = 0;
                foreach (var f in person.Faces)
                {
                    var t = inputs.TruePerson[f];
                    if (t < 0)
                    {
                        continue;
                    }

                    var c = counts[t] = counts.GetValueOrDefault(t) + 1;
                    if (c > best || (c == best && t < truth))
                    {
                        best = c;
                        truth = t;
                    }
                }

                if (truth < 0 || best < options.NamePurity * person.Faces.Count)
                {
                    continue;
                }

                if (_namedByTruth.TryGetValue(truth, out var target))
                {
                    foreach (var f in person.Faces)
                    {
                        Assign(f, target);
                    }

                    _byUserMerge += person.Faces.Count;
                    person.Faces.Clear();
                    person.Alive = false;
                }
                else
                {
                    person.Named = true;
                    _named[p] = true;
                    _namedByTruth[truth] = p;
                }
            }
        }

        private int NewPerson()
        {
            _people.Add(new GatedPerson(inputs.Embeddings.Dimension));
            _named.Add(false);
            return _people.Count - 1;
        }

        /// <summary>Puts a face into a person; a face already in another person moves (user merges only).</summary>
        private void Assign(int face, int person)
        {
            if (_personOf[face] < 0)
            {
                _assigned.Add(face);
            }

            _personOf[face] = person;
            _people[person].Add(face, inputs.Embeddings, inputs.Weights?[face] ?? 1f);
        }

        private void Notify(GatedEvent e) => observer?.Invoke(new GatedSnapshot(e, _arrivals, _personOf, _named));

        private static int StepSeed(int seed, int step) => unchecked((int)((uint)seed * 2654435761u ^ (uint)step));

        private static int[] Filled(int n, int value)
        {
            var a = new int[n];
            Array.Fill(a, value);
            return a;
        }
    }
}
