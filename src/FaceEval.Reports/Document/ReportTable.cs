namespace FaceEval.Reports.Document;

/// <summary>
/// A table, exported as CSV (<c>&lt;Id&gt;.csv</c>) and shown in the page. Cells are strings, numbers
/// (double, int, long), booleans or null.
/// </summary>
public sealed record ReportTable(string Id, string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);
