namespace FaceEval.Core.Neighbors;

/// <summary>
/// For each of N rows a bounded list of its k best (distance, index) candidates, kept sorted by
/// distance ascending then index ascending. That order is total, so the result does not depend on
/// the order candidates arrive in. Not thread-safe per row; callers lock or own rows.
/// </summary>
internal sealed class TopKLists
{
    private readonly int[] _counts;

    public TopKLists(int count, int k)
    {
        K = k;
        Indices = new int[(long)count * k];
        Distances = new float[(long)count * k];
        _counts = new int[count];
    }

    public int K { get; }

    public int[] Indices { get; }

    public float[] Distances { get; }

    /// <summary>Candidates held for <paramref name="row"/>, at most <see cref="K"/>.</summary>
    public int CountOf(int row) => _counts[row];

    /// <summary>Forgets every candidate of <paramref name="row"/>, so it can be offered a whole new set.</summary>
    public void Reset(int row) => _counts[row] = 0;

    /// <summary>Distance a candidate must not exceed to have a chance; +inf while the row is not full.</summary>
    public float Bound(int row) => _counts[row] < K ? float.PositiveInfinity : Distances[(long)row * K + K - 1];

    /// <summary>
    /// <see cref="Offer"/> for builders that may offer the same (distance, index) twice (the inverted file
    /// meets a pair from both ends): a candidate already held is not added again.
    /// </summary>
    public float OfferUnique(int row, float distance, int index)
    {
        var k = K;
        var start = (long)row * k;
        var count = _counts[row];
        if (count == k)
        {
            var worst = Distances[start + k - 1];
            if (distance > worst || (distance == worst && index > Indices[start + k - 1]))
            {
                return worst;
            }
        }

        var pos = count;
        while (pos > 0 && (Distances[start + pos - 1] > distance || (Distances[start + pos - 1] == distance && Indices[start + pos - 1] > index)))
        {
            pos--;
        }

        if (pos > 0 && Distances[start + pos - 1] == distance && Indices[start + pos - 1] == index)
        {
            return count < k ? float.PositiveInfinity : Distances[start + k - 1];
        }

        // pos < k here: a full row's candidate beats its worst, which drops off the end.
        var last = Math.Min(count, k - 1);
        for (var e = last; e > pos; e--)
        {
            Distances[start + e] = Distances[start + e - 1];
            Indices[start + e] = Indices[start + e - 1];
        }

        Distances[start + pos] = distance;
        Indices[start + pos] = index;
        if (count < k)
        {
            _counts[row] = ++count;
        }

        return count < k ? float.PositiveInfinity : Distances[start + k - 1];
    }

    /// <summary>Offers a candidate and returns the row's new <see cref="Bound"/>.</summary>
    public float Offer(int row, float distance, int index)
    {
        var k = K;
        var start = (long)row * k;
        var count = _counts[row];
        int pos;
        if (count == k)
        {
            var worst = Distances[start + k - 1];
            if (distance > worst || (distance == worst && index > Indices[start + k - 1]))
            {
                return worst;
            }

            pos = k - 1;
        }
        else
        {
            pos = count;
            _counts[row] = ++count;
        }

        while (pos > 0)
        {
            var pd = Distances[start + pos - 1];
            if (pd < distance || (pd == distance && Indices[start + pos - 1] < index))
            {
                break;
            }

            Distances[start + pos] = pd;
            Indices[start + pos] = Indices[start + pos - 1];
            pos--;
        }

        Distances[start + pos] = distance;
        Indices[start + pos] = index;
        return count < k ? float.PositiveInfinity : Distances[start + k - 1];
    }
}
