namespace FaceEval.Core.Tests.Algorithms;

/// <summary>Partitions compared canonically: relabelled in first-seen order, -1 kept as is.</summary>
public static class Partition
{
    public static int[] Canonical(IReadOnlyList<int> labels)
    {
        var map = new Dictionary<int, int>();
        var result = new int[labels.Count];
        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i] < 0)
            {
                result[i] = -1;
                continue;
            }

            if (!map.TryGetValue(labels[i], out var c))
            {
                c = map.Count;
                map[labels[i]] = c;
            }

            result[i] = c;
        }

        return result;
    }

    public static void AssertSame(IReadOnlyList<int> expected, IReadOnlyList<int> actual, string because)
    {
        Assert.True(Canonical(expected).SequenceEqual(Canonical(actual)),
            $"{because}: partitions differ at faces [{string.Join(",", Enumerable.Range(0, expected.Count).Where(i => Canonical(expected)[i] != Canonical(actual)[i]).Take(10))}]");
    }

    /// <summary>Labels are 0..k-1 with every value used, or -1.</summary>
    public static void AssertWellFormed(int[] labels, int count)
    {
        Assert.Equal(count, labels.Length);
        Assert.All(labels, l => Assert.InRange(l, -1, count - 1));
        var used = labels.Where(l => l >= 0).Distinct().Count();
        Assert.Equal(used == 0 ? -1 : used - 1, labels.Max());
    }
}
