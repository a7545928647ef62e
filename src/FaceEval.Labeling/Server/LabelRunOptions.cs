using FaceEval.Labeling.Editing;

namespace FaceEval.Labeling.Server;

/// <summary>Everything <c>faceeval label</c> needs: the snapshot, the model (null = its only one), the work directory (null = beside the snapshot), queue thresholds and where to listen.</summary>
public sealed record LabelRunOptions(string Snapshot, string? Model, string? Work, LabelOptions Queues, LabelServerOptions Server);
