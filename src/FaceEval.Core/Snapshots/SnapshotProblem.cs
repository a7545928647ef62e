namespace FaceEval.Core.Snapshots;

/// <summary>One thing wrong with a snapshot directory.</summary>
/// <param name="File">The file concerned, relative to the snapshot directory.</param>
public sealed record SnapshotProblem(string File, string Message)
{
    public override string ToString() => $"{File}: {Message}";
}
