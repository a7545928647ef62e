namespace FaceEval.Core.Gates;

public enum GateRuleKind
{
    /// <summary>metric &gt;= value.</summary>
    Floor,

    /// <summary>metric &lt;= value.</summary>
    Ceiling,

    /// <summary>
    /// metric may worsen against the baseline by at most value, in the metric's own direction (a
    /// higher-is-better metric may drop by at most value; a lower-is-better one may rise by at most
    /// value; an informational one may move by at most value either way).
    /// </summary>
    Tolerance,
}
