namespace FaceEval.Core.Snapshots;

/// <summary>What validating <see cref="SnapshotContent"/> learns on the way: people with face counts (ordinal order), photos, labelled faces.</summary>
internal sealed record ValidatedContent(int PersonColumn, IReadOnlyList<KeyValuePair<string, int>> People, int LabelledFaces, int Photos);
