using FaceEval.Core.Embeddings;
using FaceEval.Core.Graphs;

namespace FaceEval.Core.Algorithms;

/// <summary>The full form: every distance read off the N x N matrix.</summary>
internal sealed class GatedMatrixGeometry(DistanceMatrix distances, float[]? weights) : IGatedGeometry
{
    private double[] _dots = [];

    public (int Nearest, double D1, int Second, double D2) NearestPeople(int face, IReadOnlyList<GatedPerson> people, int[] personOf, IReadOnlyList<int> assigned)
    {
        // dot(face, Sum_p) = sum over p's faces g of w_g * cos(face, g) = w_g * (1 - D[face, g]): one pass
        // over the assigned faces' distances instead of one embedding dot product per person.
        if (_dots.Length < people.Count)
        {
            _dots = new double[Math.Max(people.Count, 2 * _dots.Length)];
        }

        Array.Clear(_dots, 0, people.Count);
        var row = distances.Row(face);
        foreach (var g in assigned)
        {
            _dots[personOf[g]] += (weights?[g] ?? 1f) * (1.0 - row[g]);
        }

        int nearest = -1, second = -1;
        double d1 = double.PositiveInfinity, d2 = double.PositiveInfinity;
        for (var p = 0; p < people.Count; p++)
        {
            var person = people[p];
            if (!person.Alive)
            {
                continue;
            }

            var d = 1.0 - _dots[p] / person.Norm;
            if (d < d1)
            {
                second = nearest;
                d2 = d1;
                nearest = p;
                d1 = d;
            }
            else if (d < d2)
            {
                second = p;
                d2 = d;
            }
        }

        return (nearest, d1, second, d2);
    }

    public bool Cohesive(IReadOnlyList<int> faces, double limit) => CohesionTest.AtMost(distances, faces, limit);

    public FaceGraph ClusterGraph(float below) => FaceGraph.FromDistances(distances, below);
}
