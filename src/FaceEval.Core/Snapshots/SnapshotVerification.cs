namespace FaceEval.Core.Snapshots;

/// <summary>The outcome of <see cref="SnapshotVerifier.Verify"/>.</summary>
/// <param name="Id">The manifest's id, or null when the manifest itself is unreadable.</param>
/// <param name="FilesChecked">Files whose sha256 was computed and compared.</param>
public sealed record SnapshotVerification(string Directory, string? Id, int FilesChecked, IReadOnlyList<SnapshotProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}
