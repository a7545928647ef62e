namespace FaceEval.Core.Algorithms;

/// <summary>Renumbers labels 0..k-1 in order of first appearance, keeping -1 (unassigned) as is.</summary>
internal static class FirstSeenLabels
{
    public static int Renumber(int[] labels)
    {
        var map = new Dictionary<int, int>();
        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[i];
            if (label < 0)
            {
                labels[i] = -1;
                continue;
            }

            if (!map.TryGetValue(label, out var id))
            {
                id = map.Count;
                map[label] = id;
            }

            labels[i] = id;
        }

        return map.Count;
    }
}
