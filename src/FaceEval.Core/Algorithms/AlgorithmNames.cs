using FaceEval.Core.Errors;

namespace FaceEval.Core.Algorithms;

/// <summary>Maps <see cref="AlgorithmKind"/> to and from the kebab-case names used on the command line and in config.</summary>
public static class AlgorithmNames
{
    private static readonly (AlgorithmKind Kind, string Name)[] Table =
    [
        (AlgorithmKind.Dbscan, "dbscan"),
        (AlgorithmKind.ChineseWhispers, "chinese-whispers"),
        (AlgorithmKind.Agglomerative, "agglomerative"),
        (AlgorithmKind.TwoPassHac, "two-pass-hac"),
        (AlgorithmKind.Hdbscan, "hdbscan"),
        (AlgorithmKind.Immich, "immich"),
        (AlgorithmKind.Gated, "gated"),
    ];

    public static IReadOnlyList<string> All { get; } = Table.Select(t => t.Name).ToArray();

    public static string Name(AlgorithmKind kind) => Table.First(t => t.Kind == kind).Name;

    public static AlgorithmKind Parse(string name)
    {
        foreach (var (kind, n) in Table)
        {
            if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        throw new FaceEvalException(ErrorKind.UnknownName,
            $"unknown algorithm '{name}'; valid: {string.Join(", ", All)}");
    }
}
