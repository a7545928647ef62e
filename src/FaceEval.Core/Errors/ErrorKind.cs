namespace FaceEval.Core.Errors;

/// <summary>
/// What went wrong, coarse enough for a script to branch on. The numeric value is the process exit
/// code the CLI returns, so values are stable: add new kinds, never renumber. 1 is reserved for
/// "ran fine, but a quality gate failed".
/// </summary>
public enum ErrorKind
{
    Usage = 2,
    FileNotFound = 3,
    InvalidData = 4,
    SnapshotIntegrity = 5,
    UnknownName = 6,
    DimensionMismatch = 7,
    NativeRuntime = 8,
    Io = 9,
    BaselineMismatch = 10,
    Cancelled = 130,
    Internal = 70,
}
