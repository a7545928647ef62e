namespace FaceEval.Reports.Document;

/// <summary>One name/value line of a report's header.</summary>
public sealed record ReportFact(string Name, string Value);
