using System.Numerics.Tensors;
using FaceEval.Core.Embeddings;

namespace FaceEval.Core.Analysis;

/// <summary>
/// The L2-normalised mean embedding of each group of faces (a person or a cluster) and the faces in it.
/// Faces labelled -1 belong to no group.
/// </summary>
public sealed class Centroids
{
    private readonly float[] _sums;
    private readonly float[] _unit;

    private Centroids(int dimension, float[] sums, float[] unit, int[][] members)
    {
        Dimension = dimension;
        _sums = sums;
        _unit = unit;
        Members = members;
    }

    public int Dimension { get; }

    public int Count => Members.Count;

    /// <summary>Face indices of each group, ascending.</summary>
    public IReadOnlyList<int[]> Members { get; }

    /// <summary>The unit centroid of group g (all zeros for an empty group).</summary>
    public ReadOnlySpan<float> Unit(int g) => new(_unit, g * Dimension, Dimension);

    public static Centroids Of(EmbeddingMatrix embeddings, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        if (labels.Count != embeddings.Count)
        {
            throw new ArgumentException("one label per face", nameof(labels));
        }

        var k = labels.Count == 0 ? 0 : labels.Max() + 1;
        var d = embeddings.Dimension;
        var sums = new float[k * d];
        var members = new List<int>[k];
        for (var g = 0; g < k; g++)
        {
            members[g] = [];
        }

        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i] < 0)
            {
                continue;
            }

            var sum = sums.AsSpan(labels[i] * d, d);
            TensorPrimitives.Add(sum, embeddings.Row(i), sum);
            members[labels[i]].Add(i);
        }

        var unit = new float[k * d];
        for (var g = 0; g < k; g++)
        {
            var sum = sums.AsSpan(g * d, d);
            var norm = TensorPrimitives.Norm(sum);
            if (norm > 1e-12f)
            {
                TensorPrimitives.Divide(sum, norm, unit.AsSpan(g * d, d));
            }
        }

        return new Centroids(d, sums, unit, members.Select(m => m.ToArray()).ToArray());
    }

    /// <summary>Cosine distance from face <paramref name="face"/> to the centroid of group g.</summary>
    public double Distance(EmbeddingMatrix embeddings, int face, int g) =>
        1.0 - TensorPrimitives.Dot(embeddings.Row(face), Unit(g));

    /// <summary>Cosine distance between the centroids of two groups.</summary>
    public double Distance(int a, int b) => 1.0 - TensorPrimitives.Dot(Unit(a), Unit(b));

    /// <summary>
    /// Distance from a member face to the centroid of the other members of its group (leave-one-out), so
    /// a face is not measured against a centroid it pulled towards itself; null for a group of one.
    /// </summary>
    public double? LeaveOneOutDistance(EmbeddingMatrix embeddings, int face, int g)
    {
        if (Members[g].Length < 2)
        {
            return null;
        }

        var row = embeddings.Row(face);
        var sum = new ReadOnlySpan<float>(_sums, g * Dimension, Dimension);
        var rest = new float[Dimension];
        TensorPrimitives.Subtract(sum, row, rest);
        var norm = TensorPrimitives.Norm(rest);
        return norm <= 1e-12f ? 1.0 : 1.0 - TensorPrimitives.Dot(row, rest) / norm;
    }

    /// <summary>The member nearest the centroid: a representative face to show for the group; -1 if empty.</summary>
    public int Representative(EmbeddingMatrix embeddings, int g)
    {
        var (best, bestDistance) = (-1, double.MaxValue);
        foreach (var face in Members[g])
        {
            var distance = Distance(embeddings, face, g);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (face, distance);
            }
        }

        return best;
    }
}
