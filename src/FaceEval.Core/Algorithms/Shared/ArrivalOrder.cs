using FaceEval.Core.Errors;
using FaceEval.Core.Snapshots;

namespace FaceEval.Core.Algorithms;

/// <summary>The order in which faces reach an incremental pipeline (Immich's queue, the gated assigner): a permutation of 0..n-1.</summary>
public static class ArrivalOrder
{
    /// <summary>
    /// By <c>taken_at</c> when every face has one, else photo by photo in the order photos first appear,
    /// faces of one photo in snapshot order. Stable, so equal times keep snapshot order.
    /// </summary>
    public static int[] FromFaces(IReadOnlyList<Face> faces)
    {
        var order = Enumerable.Range(0, faces.Count).ToArray();
        if (faces.Count > 0 && faces.All(f => f.TakenAt is not null))
        {
            return order.OrderBy(i => faces[i].TakenAt!.Value).ThenBy(i => i).ToArray();
        }

        var firstSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var face in faces)
        {
            firstSeen.TryAdd(face.Photo, firstSeen.Count);
        }

        return order.OrderBy(i => firstSeen[faces[i].Photo]).ThenBy(i => i).ToArray();
    }

    public static void Validate(int[] order, int count)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Length != count)
        {
            throw new FaceEvalException(ErrorKind.DimensionMismatch, $"arrival order has {order.Length} entries for {count} faces");
        }

        var seen = new bool[count];
        for (var i = 0; i < order.Length; i++)
        {
            var f = order[i];
            if ((uint)f >= (uint)count || seen[f])
            {
                throw new FaceEvalException(ErrorKind.InvalidData,
                    $"arrival order entry {i} ({f}) is out of range or repeated; it must be a permutation of 0..{count - 1}");
            }

            seen[f] = true;
        }
    }
}
