using System.Reflection;

namespace FaceEval.Core.Algorithms;

/// <summary>Which class replays which <see cref="AlgorithmKind"/>, as registered on the enum members.</summary>
public static class AlgorithmCatalog
{
    private static readonly Dictionary<AlgorithmKind, AlgorithmAttribute> Registrations = Enum.GetValues<AlgorithmKind>().ToDictionary(
        kind => kind,
        kind => typeof(AlgorithmKind).GetField(kind.ToString())!.GetCustomAttribute<AlgorithmAttribute>()
            ?? throw new InvalidOperationException($"AlgorithmKind.{kind} has no [Algorithm] registration"));

    /// <summary>Every kind, in registration order.</summary>
    public static IReadOnlyList<AlgorithmKind> All { get; } = Enum.GetValues<AlgorithmKind>();

    public static IClusteringAlgorithm Get(AlgorithmKind kind) =>
        Registrations.TryGetValue(kind, out var registration)
            ? (IClusteringAlgorithm)Activator.CreateInstance(registration.Implementation)!
            : throw new ArgumentOutOfRangeException(nameof(kind), kind, null);

    internal static string Name(AlgorithmKind kind) => Registrations[kind].Name;

    /// <summary>The kind registered for an implementation class (what <see cref="IClusteringAlgorithm.Kind"/> returns).</summary>
    internal static AlgorithmKind KindOf(Type implementation) =>
        Registrations.First(r => r.Value.Implementation == implementation).Key;
}
