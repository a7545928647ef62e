using FaceEval.Core.Errors;

namespace FaceEval.Core.Metrics;

/// <summary>
/// Unordered pairs of distinct ground-truth person indices (the truth labels of a labelling) that look
/// alike, e.g. siblings and twins; the input of <see cref="MetricReport.SiblingConfusion"/>.
/// </summary>
public sealed class LookalikePairs
{
    private readonly (int A, int B)[] _pairs;

    private LookalikePairs((int A, int B)[] pairs) => _pairs = pairs;

    public static LookalikePairs Empty { get; } = new([]);

    /// <summary>The pairs with A &lt; B, sorted, without duplicates.</summary>
    public IReadOnlyList<(int A, int B)> Pairs => _pairs;

    public int Count => _pairs.Length;

    public bool Contains(int a, int b) =>
        Array.BinarySearch(_pairs, a < b ? (a, b) : (b, a)) >= 0;

    /// <summary>
    /// Keeps the relations whose type <paramref name="filter"/> (default <see cref="RelationTypeFilter.Default"/>)
    /// accepts and maps both names through <paramref name="personIndex"/>. A relation naming a person the
    /// map lacks, or a person with themself, is skipped: snapshot import already warns about those. A strict
    /// filter's every pattern must match one of the relations (<see cref="RelationTypeFilter.CheckMatches"/>).
    /// </summary>
    public static LookalikePairs FromRelations(
        IEnumerable<(string PersonA, string PersonB, string Relation)> relations,
        IReadOnlyDictionary<string, int> personIndex,
        RelationTypeFilter? filter = null)
    {
        ArgumentNullException.ThrowIfNull(relations);
        ArgumentNullException.ThrowIfNull(personIndex);
        filter ??= RelationTypeFilter.Default;
        var all = relations as IReadOnlyCollection<(string PersonA, string PersonB, string Relation)> ?? relations.ToArray();
        filter.CheckMatches(all.Select(r => r.Relation).Distinct(StringComparer.OrdinalIgnoreCase).ToArray());
        var pairs = new List<(int, int)>();
        foreach (var (personA, personB, relation) in all)
        {
            if (filter.Matches(relation)
                && personIndex.TryGetValue(personA, out var a)
                && personIndex.TryGetValue(personB, out var b))
            {
                pairs.Add((a, b));
            }
        }

        return FromIndexPairs(pairs);
    }

    /// <summary>Pairs of truth labels; order within a pair and repeats don't matter, self-pairs are
    /// dropped, and a negative index is <see cref="ErrorKind.InvalidData"/>.</summary>
    public static LookalikePairs FromIndexPairs(IEnumerable<(int A, int B)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var set = new SortedSet<(int, int)>();
        foreach (var (a, b) in pairs)
        {
            if (a < 0 || b < 0)
            {
                throw new FaceEvalException(ErrorKind.InvalidData, $"look-alike pair ({a}, {b}) has a negative person index");
            }

            if (a != b)
            {
                set.Add(a < b ? (a, b) : (b, a));
            }
        }

        return new LookalikePairs([.. set]);
    }
}
