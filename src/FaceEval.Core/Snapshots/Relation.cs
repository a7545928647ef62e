namespace FaceEval.Core.Snapshots;

/// <summary>A relation between two people, e.g. <c>sibling</c>, <c>twin-sibling</c>, <c>parent-child</c> (parent first).</summary>
public sealed record Relation(string PersonA, string PersonB, string Type);
