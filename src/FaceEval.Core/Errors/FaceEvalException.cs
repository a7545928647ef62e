namespace FaceEval.Core.Errors;

/// <summary>
/// The one exception type the library throws for problems a user can fix. Its message is a single
/// line meant to be printed as is; the CLI turns <see cref="Kind"/> into the exit code.
/// </summary>
public sealed class FaceEvalException : Exception
{
    public FaceEvalException(ErrorKind kind, string message, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
    }

    public ErrorKind Kind { get; }
}
