namespace FaceEval.Core.Algorithms;

public enum ParameterKind
{
    /// <summary>A real number within [Min, Max].</summary>
    Real,

    /// <summary>A whole number within [Min, Max].</summary>
    Integer,

    /// <summary>One of a fixed set of names (<see cref="ParameterSpec.Choices"/>).</summary>
    Choice,

    /// <summary>Free text checked by the algorithm's own parser (e.g. an Immich schedule).</summary>
    Text,
}
