using FaceEval.Core.Errors;

namespace FaceEval.Core.Pipelines;

/// <summary>Checks that an arrival order is a permutation of 0..n-1.</summary>
internal static class ArrivalOrder
{
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
