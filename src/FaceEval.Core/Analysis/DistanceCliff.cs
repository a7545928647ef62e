using System.Numerics.Tensors;
using FaceEval.Core.Embeddings;

namespace FaceEval.Core.Analysis;

/// <summary>
/// Every labelled face's distance to its own person's centroid and to the nearest other person's, sorted
/// by the first: a centroid assigner with threshold t accepts the faces left of t, and the knee of the
/// sorted curve (<see cref="Knee"/>) is where accepting more faces starts to take in outliers fast; its
/// value is offered as the suggested <c>assignDistance</c>.
/// </summary>
/// <param name="Points">Sorted by <see cref="CliffPoint.OwnDistance"/> ascending.</param>
/// <param name="Knee">Knee of the own-distance curve; null when there is none.</param>
/// <param name="People">People with at least <c>minFaces</c> faces (the only ones on the curve and the only
/// centroids faces are compared with).</param>
public sealed record DistanceCliff(IReadOnlyList<CliffPoint> Points, Knee? Knee, int People)
{
    public int WrongCount => Points.Count(p => p.Wrong);

    /// <param name="truth">Person per face, -1 unlabelled (left out).</param>
    /// <param name="minFaces">At least 2: a person needs another face for a leave-one-out centroid.</param>
    public static DistanceCliff Compute(EmbeddingMatrix embeddings, IReadOnlyList<int> truth, int minFaces = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minFaces, 2);
        var centroids = Centroids.Of(embeddings, truth);
        var eligible = Enumerable.Range(0, centroids.Count).Where(g => centroids.Members[g].Length >= minFaces).ToArray();
        var points = new List<CliffPoint>();
        var d = embeddings.Dimension;
        var block = new float[eligible.Length * d];
        for (var j = 0; j < eligible.Length; j++)
        {
            centroids.Unit(eligible[j]).CopyTo(block.AsSpan(j * d, d));
        }

        var results = new CliffPoint?[embeddings.Count];
        Parallel.For(0, embeddings.Count, i =>
        {
            var person = truth[i];
            if (person < 0 || centroids.Members[person].Length < minFaces)
            {
                return;
            }

            var row = embeddings.Row(i);
            var (nearest, nearestDistance) = (-1, double.MaxValue);
            for (var j = 0; j < eligible.Length; j++)
            {
                if (eligible[j] == person)
                {
                    continue;
                }

                var distance = 1.0 - TensorPrimitives.Dot(row, new ReadOnlySpan<float>(block, j * d, d));
                if (distance < nearestDistance)
                {
                    (nearest, nearestDistance) = (eligible[j], distance);
                }
            }

            var own = centroids.LeaveOneOutDistance(embeddings, i, person)!.Value;
            results[i] = nearest < 0
                ? new CliffPoint(i, person, own, null, null, false)
                : new CliffPoint(i, person, own, nearestDistance, nearest, nearestDistance < own);
        });

        foreach (var p in results)
        {
            if (p is not null)
            {
                points.Add(p);
            }
        }

        // Ties broken by face index so the order (and the knee) never depends on thread timing.
        points.Sort((a, b) => a.OwnDistance != b.OwnDistance ? a.OwnDistance.CompareTo(b.OwnDistance) : a.Face.CompareTo(b.Face));
        return new DistanceCliff(points, Knee.Find(points.Select(p => p.OwnDistance).ToArray()), eligible.Length);
    }
}
