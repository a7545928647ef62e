namespace FaceEval.Benchmarks;

/// <summary>Marks benchmarks that need the FIW snapshot; Program leaves them out, saying so, when it is missing.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresFiwSnapshotAttribute : Attribute;
