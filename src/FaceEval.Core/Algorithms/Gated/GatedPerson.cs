using FaceEval.Core.Embeddings;

namespace FaceEval.Core.Algorithms;

/// <summary>One person of the gated pipeline: its faces, the weighted sum of their embeddings (the centroid
/// direction) and a cached cohesion verdict.</summary>
internal sealed class GatedPerson
{
    private int _cohesionCheckedAt = -1;
    private bool _cohesive;

    public GatedPerson(int dimension)
    {
        Sum = new double[dimension];
    }

    public List<int> Faces { get; } = [];

    public double[] Sum { get; }

    /// <summary>|Sum|, so that cos(face, centroid) = dot(face, Sum) / Norm for a unit face.</summary>
    public double Norm { get; private set; }

    public bool Named { get; set; }

    /// <summary>False once the simulated user merged it into a named person.</summary>
    public bool Alive { get; set; } = true;

    public void Add(int face, EmbeddingMatrix embeddings, float weight)
    {
        Faces.Add(face);
        var row = embeddings.Row(face);
        for (var k = 0; k < row.Length; k++)
        {
            Sum[k] += weight * row[k];
        }

        double norm2 = 0;
        foreach (var v in Sum)
        {
            norm2 += v * v;
        }

        Norm = Math.Sqrt(norm2);
    }

    /// <summary>
    /// Whether the 90th percentile of the pairwise distances is within <paramref name="limit"/>. Exact while
    /// the person has at most 32 faces; beyond, the verdict is reused until the person has grown by
    /// <paramref name="refreshGrowth"/> since it was computed (a person changes slowly once large, and an
    /// exact check costs O(faces^2)).
    /// </summary>
    public bool IsCohesive(IGatedGeometry geometry, double limit, double refreshGrowth)
    {
        var count = Faces.Count;
        var stale = count != _cohesionCheckedAt && (count <= 32 || count >= _cohesionCheckedAt * (1 + refreshGrowth));
        if (_cohesionCheckedAt < 0 || stale)
        {
            _cohesive = geometry.Cohesive(Faces, limit);
            _cohesionCheckedAt = count;
        }

        return _cohesive;
    }
}
