namespace FaceEval.Core.Metrics;

/// <summary>One non-zero cell of a <see cref="ContingencyTable"/>: <see cref="Count"/> faces of truth row
/// <see cref="Row"/> fall in predicted column <see cref="Column"/>.</summary>
public readonly record struct ContingencyCell(int Row, int Column, int Count);
