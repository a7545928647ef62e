using FaceEval.Core.Snapshots;
using FaceEval.Labeling.Editing;

namespace FaceEval.Labeling.Workspace;

/// <summary>An opened work directory: the snapshot, the model, and the label state with its journal replayed.</summary>
public sealed class LabelSession(Snapshot snapshot, string model, string workDirectory, LabelState state) : IDisposable
{
    public Snapshot Snapshot { get; } = snapshot;

    public string Model { get; } = model;

    public string WorkDirectory { get; } = workDirectory;

    public LabelState State { get; } = state;

    public void Dispose() => State.Dispose();
}
