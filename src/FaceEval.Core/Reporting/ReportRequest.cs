using FaceEval.Core.Evaluation;

namespace FaceEval.Core.Reporting;

/// <summary>
/// `faceeval report`: either a sweep file (its best row is the setting explained) or a run setting.
/// With a sweep, <see cref="Run"/> supplies snapshot (checked against the sweep's id), relation types and seed.
/// </summary>
/// <param name="SnapshotCandidates">Where to look for the sweep's snapshot when <see cref="Run"/>'s does not match (e.g. every folder of snapshots/).</param>
public sealed record ReportRequest(RunOptions Run, string? SweepFile, string OutDirectory, IReadOnlyList<string> SnapshotCandidates, int MaxCrops = 2000);
