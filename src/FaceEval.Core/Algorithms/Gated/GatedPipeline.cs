using System.Numerics.Tensors;

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
/// <para>Each step costs what changed, not the library: the waiting faces are kept as they come and go, and
/// are clustered per connected component of their graph, a component no face joined or left keeping its
/// clusters (<see cref="LeftoverClustering"/>); a cluster's photo count, cohesion and centroid are judged once
/// and kept with it; the named people's directions are recomputed only when they changed
/// (<see cref="NamedCentroids"/>); and the simulated user looks only at the unnamed people that gained faces.</para>
/// <para>Invariant: automation only ever adds faces to people; it never removes a face from a person, splits
/// one, or merges people. The only merge is the user's, and it moves an unnamed person into a named one, so
/// a named person never loses a face and never disappears.</para>
/// </summary>
public static class GatedPipeline
{
    /// <summary>
    /// Runs the pipeline. Deterministic for a seed (only Chinese Whispers draws random numbers; each connected
    /// component of the waiting faces is clustered with a seed derived from <paramref name="seed"/> and its
    /// lowest face, <see cref="LeftoverClustering.ComponentSeed"/>). <paramref name="observer"/>, when given,
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
        private readonly int[] _personOf = Filled(inputs.Count, -1);
        private readonly LeftoverClustering _waiting = new(
            inputs.Count,
            () => inputs.ClusterGraph ?? geometry.ClusterGraph((float)options.ClusterDistance),
            new ChineseWhispersOptions(options.ClusterDistance) { Iterations = options.ClusterIterations, Weight = options.ClusterEdgeWeight },
            seed);

        private readonly NamedCentroids _namedCentroids = new();
        private readonly HashSet<int> _unnamedChanged = [];
        private readonly List<GatedPerson> _people = [];
        private readonly List<bool> _named = [];
        private readonly List<int> _assigned = [];
        private readonly Dictionary<int, int> _namedByTruth = [];
        private int _arrivals;
        private int _steps;
        private int _peopleCreated, _byGate, _byCluster, _byFold, _byUserMerge;
        private int _noPerson, _distance, _minFaces, _cohesion, _margin;

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
                return;
            }

            _waiting.Add(face);
        }

        private void ClusterLeftovers()
        {
            _steps++;
            if (_waiting.Count >= 2)
            {
                var clusters = _waiting.Update();

                // Fold compares with the named people as they stood when the step began.
                _namedCentroids.Refresh(_people);
                foreach (var cluster in clusters)
                {
                    Settle(cluster);
                }
            }

            NamePeople();
            Notify(GatedEvent.Clustering);
        }

        /// <summary>
        /// Folds the cluster into the nearest named person, or makes it a new person, or leaves it waiting. A
        /// cluster that stayed waiting is asked again at later steps only what can change: the named people
        /// (fold); its photos and cohesion are its own and were judged.
        /// </summary>
        private void Settle(LeftoverCluster cluster)
        {
            var faces = cluster.Faces;
            if (cluster.FoldCohesive != false)
            {
                var centroid = cluster.Centroid ??= Centroid(faces);
                var (nearest, d1, d2) = geometry.NearestNamed(faces, centroid, _namedCentroids, _personOf);
                if (nearest >= 0
                    && d1 <= options.FoldDistance
                    && d2 - d1 >= options.FoldMargin
                    && faces.Length <= options.FoldMaxRelativeSize * _people[nearest].Faces.Count
                    && (cluster.FoldCohesive ??= geometry.Cohesive(faces, options.FoldCohesionMax)))
                {
                    foreach (var f in faces)
                    {
                        Assign(f, nearest);
                    }

                    _byFold += faces.Length;
                    return;
                }
            }

            if (cluster.NotAPerson)
            {
                return;
            }

            var photos = new HashSet<int>();
            foreach (var f in faces)
            {
                photos.Add(inputs.PhotoOfFace[f]);
            }

            if (photos.Count >= options.MinPhotos && geometry.Cohesive(faces, options.ClusterCohesionMax))
            {
                var p = NewPerson();
                foreach (var f in faces)
                {
                    Assign(f, p);
                }

                _peopleCreated++;
                _byCluster += faces.Length;
            }
            else
            {
                cluster.NotAPerson = true;
            }
        }

        /// <summary>The unit direction of the faces' weighted embedding sum.</summary>
        private float[] Centroid(int[] faces)
        {
            var dim = inputs.Embeddings.Dimension;
            var centroid = new float[dim];
            foreach (var f in faces)
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

            return centroid;
        }

        /// <summary>The simulated user: names pure enough unnamed people, merging into an already named identity.</summary>
        private void NamePeople()
        {
            // An unnamed person that gained no face since the user last looked was refused then and would be
            // again (its size and majority are unchanged), so only those that changed are looked at, in
            // person order as a look at every person would.
            var changed = _unnamedChanged.ToArray();
            _unnamedChanged.Clear();
            Array.Sort(changed);
            var counts = new Dictionary<int, int>();
            foreach (var p in changed)
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
                    _namedCentroids.Changed(p);
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
                _waiting.Remove(face);
            }

            _personOf[face] = person;
            var target = _people[person];
            target.Add(face, inputs.Embeddings, inputs.Weights?[face] ?? 1f);
            if (target.Named)
            {
                _namedCentroids.Changed(person);
            }
            else
            {
                _unnamedChanged.Add(person);
            }
        }

        private void Notify(GatedEvent e) => observer?.Invoke(new GatedSnapshot(e, _arrivals, _personOf, _named));

        private static int[] Filled(int n, int value)
        {
            var a = new int[n];
            Array.Fill(a, value);
            return a;
        }
    }
}
