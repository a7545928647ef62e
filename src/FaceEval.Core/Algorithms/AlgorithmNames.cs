using FaceEval.Core.Errors;

namespace FaceEval.Core.Algorithms;

/// <summary>Maps <see cref="AlgorithmKind"/> to and from the kebab-case names used on the command line and in config (registered on the enum members).</summary>
public static class AlgorithmNames
{
    public static IReadOnlyList<string> All { get; } = AlgorithmCatalog.All.Select(AlgorithmCatalog.Name).ToArray();

    public static string Name(AlgorithmKind kind) => AlgorithmCatalog.Name(kind);

    public static AlgorithmKind Parse(string name)
    {
        foreach (var kind in AlgorithmCatalog.All)
        {
            if (string.Equals(Name(kind), name, StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        throw new FaceEvalException(ErrorKind.UnknownName,
            $"unknown algorithm '{name}'; valid: {string.Join(", ", All)}");
    }
}
