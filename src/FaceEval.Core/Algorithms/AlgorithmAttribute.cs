namespace FaceEval.Core.Algorithms;

/// <summary>Registers an <see cref="AlgorithmKind"/>: its kebab-case CLI and config name and its <see cref="IClusteringAlgorithm"/> class.</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class AlgorithmAttribute(string name, Type implementation) : Attribute
{
    public string Name { get; } = name;

    /// <summary>A class with a public parameterless constructor implementing <see cref="IClusteringAlgorithm"/>.</summary>
    public Type Implementation { get; } = implementation;

    /// <summary>Whether the seed can change its labels (it draws random numbers, itself or through another algorithm).</summary>
    public bool UsesSeed { get; init; }
}
