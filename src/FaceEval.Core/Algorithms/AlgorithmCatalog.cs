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

    /// <summary>
    /// Whether the seed can change the labels (registered with <c>UsesSeed = true</c>). A seed given for any
    /// other algorithm would be silently ignored, so callers refuse it.
    /// </summary>
    public static bool UsesSeed(AlgorithmKind kind) => Registrations[kind].UsesSeed;

    /// <summary>The kind registered for an implementation class (what <see cref="IClusteringAlgorithm.Kind"/> returns).</summary>
    internal static AlgorithmKind KindOf(Type implementation) =>
        Registrations.First(r => r.Value.Implementation == implementation).Key;
}
