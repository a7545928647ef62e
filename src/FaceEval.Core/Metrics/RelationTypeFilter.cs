using FaceEval.Core.Errors;

namespace FaceEval.Core.Metrics;

/// <summary>
/// Which relation types count as look-alikes: a list of case-insensitive patterns, each an exact type or
/// a prefix ending in <c>*</c>. Parsed from a comma-separated spec such as <c>sibling,twin*</c> (the
/// default), as a <c>--relation-types</c> option would give it.
/// </summary>
public sealed class RelationTypeFilter
{
    public const string DefaultSpec = "sibling,twin*";

    private RelationTypeFilter(IReadOnlyList<string> patterns, bool strict)
    {
        Patterns = patterns;
        Strict = strict;
    }

    /// <summary><c>sibling</c> and every type starting with <c>twin</c>.</summary>
    public static RelationTypeFilter Default { get; } = Parse(DefaultSpec);

    /// <summary>The normalised (trimmed, lower-case) patterns.</summary>
    public IReadOnlyList<string> Patterns { get; }

    /// <summary>
    /// Every whole type (not a prefix) must match a relation of the data (<see cref="CheckMatches"/>): set for types the user
    /// typed, so a misspelt type cannot turn sibling_confusion into null and a rule on it into "not
    /// applicable". The default spec is not strict: a library without twins is not an error.
    /// </summary>
    public bool Strict { get; }

    /// <summary>Throws <see cref="ErrorKind.Usage"/> for an empty spec, an empty entry, or a <c>*</c>
    /// anywhere but at the end of an entry.</summary>
    public static RelationTypeFilter Parse(string? spec, bool strict = false)
    {
        if (string.IsNullOrWhiteSpace(spec))
        {
            throw new FaceEvalException(ErrorKind.Usage, "relation types must name at least one type, e.g. 'sibling,twin*'");
        }

        var patterns = new List<string>();
        foreach (var raw in spec.Split(','))
        {
            var pattern = raw.Trim().ToLowerInvariant();
            if (pattern.Length == 0 || pattern.IndexOf('*') is var star && star >= 0 && star != pattern.Length - 1)
            {
                throw new FaceEvalException(ErrorKind.Usage,
                    $"invalid relation type pattern '{raw.Trim()}' in '{spec}': use a type name, optionally ending in '*'");
            }

            if (!patterns.Contains(pattern))
            {
                patterns.Add(pattern);
            }
        }

        return new RelationTypeFilter(patterns, strict);
    }

    public bool Matches(string? relationType)
    {
        if (relationType is null)
        {
            return false;
        }

        var type = relationType.Trim();
        foreach (var pattern in Patterns)
        {
            var matched = pattern.EndsWith('*')
                ? type.StartsWith(pattern.AsSpan(0, pattern.Length - 1), StringComparison.OrdinalIgnoreCase)
                : type.Equals(pattern, StringComparison.OrdinalIgnoreCase);
            if (matched)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// For a <see cref="Strict"/> filter, an <see cref="ErrorKind.UnknownName"/> error naming the first whole
    /// type (not a <c>*</c> prefix) that matches none of <paramref name="types"/> (the relation types present), and what is present.
    /// </summary>
    public void CheckMatches(IReadOnlyCollection<string> types)
    {
        if (!Strict)
        {
            return;
        }

        // A prefix says "whichever types start so", which may be none (a library without twins); a whole
        // name says "this type", and one that no relation has is a typo or the wrong data.
        foreach (var pattern in Patterns.Where(p => !p.EndsWith('*')))
        {
            var single = new RelationTypeFilter([pattern], strict: false);
            if (!types.Any(single.Matches))
            {
                var present = types.Select(t => t.Trim().ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal).ToArray();
                throw new FaceEvalException(ErrorKind.UnknownName,
                    $"relation type '{pattern}' matches no relation of this snapshot; it has {(present.Length == 0 ? "no relations" : string.Join(", ", present))}");
            }
        }
    }

    public override string ToString() => string.Join(",", Patterns);
}
