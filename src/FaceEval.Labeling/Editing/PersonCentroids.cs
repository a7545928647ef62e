using System.Numerics.Tensors;
using FaceEval.Core.Embeddings;

namespace FaceEval.Labeling.Editing;

/// <summary>
/// Per person: the sum of its faces' unit embeddings (double, so adding and removing a face many times
/// does not drift) and the normalised centroid derived from it, updated for only the people an edit touches.
/// </summary>
internal sealed class PersonCentroids
{
    private readonly EmbeddingMatrix _embeddings;
    private readonly List<double[]> _sums = [];
    private readonly List<float[]> _unit = [];
    private readonly List<int> _counts = [];

    public PersonCentroids(EmbeddingMatrix embeddings) => _embeddings = embeddings;

    public int Count => _counts.Count;

    public int Faces(int person) => _counts[person];

    public int AddPerson()
    {
        _sums.Add(new double[_embeddings.Dimension]);
        _unit.Add(new float[_embeddings.Dimension]);
        _counts.Add(0);
        return _counts.Count - 1;
    }

    public void Add(int person, int face) => Change(person, face, +1);

    public void Remove(int person, int face) => Change(person, face, -1);

    /// <summary>Cosine distance of a face to a person's centroid; +infinity for a person without faces.</summary>
    public double Distance(int face, int person) =>
        _counts[person] == 0 ? double.PositiveInfinity : 1.0 - TensorPrimitives.Dot(_embeddings.Row(face), _unit[person]);

    /// <summary>The person's unit centroid (all zeros while it has no faces).</summary>
    public ReadOnlySpan<float> Unit(int person) => _unit[person];

    /// <summary>Mean distance of the person's faces to its centroid: 1 - |sum| / n for unit vectors.</summary>
    public double Cohesion(int person)
    {
        var n = _counts[person];
        if (n == 0)
        {
            return 0;
        }

        var norm = Math.Sqrt(_sums[person].Sum(v => v * v));
        return Math.Max(0, 1.0 - norm / n);
    }

    private void Change(int person, int face, int sign)
    {
        var sum = _sums[person];
        var row = _embeddings.Row(face);
        for (var d = 0; d < sum.Length; d++)
        {
            sum[d] += sign * row[d];
        }

        _counts[person] += sign;
        var unit = _unit[person];
        if (_counts[person] == 0)
        {
            Array.Clear(sum);
            Array.Clear(unit);
            return;
        }

        var norm = Math.Sqrt(sum.Sum(v => v * v));
        for (var d = 0; d < sum.Length; d++)
        {
            unit[d] = norm > 0 ? (float)(sum[d] / norm) : 0f;
        }
    }
}
