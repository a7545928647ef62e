using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using FaceEval.Core.Embeddings;
using FaceEval.Core.Neighbors;

namespace FaceEval.Labeling.Editing.Nearest;

/// <summary>
/// Per person: the sum of its faces' unit embeddings (double, so adding and removing a face many times
/// does not drift) and the normalised centroid derived from it, updated for only the people an edit
/// touches, plus a search index over the centroids (row = person id) kept in step with them.
/// </summary>
internal sealed class PersonCentroids
{
    private readonly EmbeddingMatrix _embeddings;
    private readonly int _dimension;
    private readonly NearestRows _index;

    // One flat array per quantity, person p at [p * dimension, (p + 1) * dimension): thousands of
    // small arrays would be copied by every garbage collection at start-up.
    private double[] _sums;
    private float[] _units;
    private int[] _counts;

    /// <summary>Starts with <paramref name="people"/> people holding the faces <paramref name="persons"/> gives them (-1 = none).</summary>
    public PersonCentroids(EmbeddingMatrix embeddings, int people, ReadOnlySpan<int> persons)
    {
        _embeddings = embeddings;
        _dimension = embeddings.Dimension;
        _sums = new double[people * _dimension];
        _units = new float[people * _dimension];
        _counts = new int[people];
        _index = new NearestRows(_dimension, people);
        SumAll(persons);
        for (var p = 0; p < people; p++)
        {
            Count++;
            Normalise(p);
        }
    }

    public int Count { get; private set; }

    public int Faces(int person) => _counts[Check(person)];

    public int AddPerson()
    {
        if (Count == _counts.Length)
        {
            var capacity = Math.Max(4, 2 * Count);
            Array.Resize(ref _sums, capacity * _dimension);
            Array.Resize(ref _units, capacity * _dimension);
            Array.Resize(ref _counts, capacity);
        }

        Count++;
        Normalise(Count - 1);
        return Count - 1;
    }

    public void Add(int person, int face) => Change(person, face, +1);

    public void Remove(int person, int face) => Change(person, face, -1);

    /// <summary>Cosine distance of a face to a person's centroid; +infinity for a person without faces.</summary>
    public double Distance(int face, int person) =>
        Faces(person) == 0 ? double.PositiveInfinity : 1.0 - TensorPrimitives.Dot(_embeddings.Row(face), Unit(person));

    /// <summary>The person's unit centroid (all zeros while it has no faces).</summary>
    public ReadOnlySpan<float> Unit(int person) => _units.AsSpan(Check(person) * _dimension, _dimension);

    /// <summary>Mean distance of the person's faces to its centroid: 1 - |sum| / n for unit vectors.</summary>
    public double Cohesion(int person)
    {
        var n = Faces(person);
        if (n == 0)
        {
            return 0;
        }

        var sum = Sum(person);
        var norm = Math.Sqrt(TensorPrimitives.Dot<double>(sum, sum));
        return Math.Max(0, 1.0 - norm / n);
    }

    /// <summary>
    /// The <paramref name="k"/> nearest people of each face, nearest first, among people with
    /// <paramref name="usable"/> set, never <paramref name="excluded"/>[i] for face i: person
    /// <c>person[i * k + j]</c> (-1 past the last) at distance <see cref="Distance"/> gives.
    /// </summary>
    public (int[] Person, double[] Distance) Nearest(IReadOnlyList<int> faces, int k, bool[] usable, int[]? excluded)
    {
        var queries = new float[faces.Count * _dimension];
        for (var i = 0; i < faces.Count; i++)
        {
            _embeddings.Row(faces[i]).CopyTo(queries.AsSpan(i * _dimension, _dimension));
        }

        var person = new int[faces.Count * k];
        _index.Search(queries, k, person, new float[person.Length], usable, excluded);

        // The kernel ranks; the distance reported is the one every other comparison uses.
        var distance = new double[person.Length];
        for (var i = 0; i < person.Length; i++)
        {
            distance[i] = person[i] < 0 ? double.PositiveInfinity : Distance(faces[i / k], person[i]);
        }

        return (person, distance);
    }

    private void Change(int person, int face, int sign)
    {
        var sum = Sum(person);
        var row = _embeddings.Row(face);
        for (var d = 0; d < sum.Length; d++)
        {
            sum[d] += sign * row[d];
        }

        _counts[Check(person)] += sign;
        Normalise(person);
    }

    // Sums first, one normalisation per person after: renormalising after every face would cost a pass
    // over the dimensions per face. Optimised at once: it runs once, at start-up.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SumAll(ReadOnlySpan<int> persons)
    {
        for (var f = 0; f < persons.Length; f++)
        {
            if (persons[f] >= 0)
            {
                var sum = _sums.AsSpan(persons[f] * _dimension, _dimension);
                var row = _embeddings.Row(f);
                for (var d = 0; d < sum.Length; d++)
                {
                    sum[d] += row[d];
                }

                _counts[persons[f]]++;
            }
        }
    }

    // Optimised at once, like SumAll: at start-up it runs once per person.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Normalise(int person)
    {
        var sum = Sum(person);
        var unit = _units.AsSpan(person * _dimension, _dimension);
        if (_counts[person] == 0)
        {
            sum.Clear();
            unit.Clear();
        }
        else
        {
            var squares = 0.0;
            foreach (var v in sum)
            {
                squares += v * v;
            }

            var norm = Math.Sqrt(squares);
            for (var d = 0; d < sum.Length; d++)
            {
                unit[d] = norm > 0 ? (float)(sum[d] / norm) : 0f;
            }
        }

        _index.Set(person, unit);
    }

    private Span<double> Sum(int person) => _sums.AsSpan(Check(person) * _dimension, _dimension);

    private int Check(int person) =>
        (uint)person < (uint)Count ? person : throw new ArgumentOutOfRangeException(nameof(person), person, $"people are 0..{Count - 1}");
}
