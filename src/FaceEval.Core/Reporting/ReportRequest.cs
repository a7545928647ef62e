using FaceEval.Core.Evaluation;

namespace FaceEval.Core.Reporting;

/// <summary>
/// `faceeval report`: either a sweep file (its best row is the setting explained) or a run setting.
/// With a sweep, <see cref="Run"/> supplies where its snapshot is, and seed and relation types only for a
/// sweep.json that does not record its own.
/// </summary>
/// <param name="SnapshotCandidates">Where to look for the sweep's snapshot when <see cref="Run"/>'s does not match (e.g. every folder of snapshots/).</param>
/// <param name="Given">Which of <see cref="Run"/>'s values the command line gave (rather than eval.config.json): those may not be ignored.</param>
public sealed record ReportRequest(RunOptions Run, string? SweepFile, string OutDirectory, IReadOnlyList<string> SnapshotCandidates, int MaxCrops = 2000,
    ReportGiven? Given = null);

/// <summary>Values of a report request the user gave on the command line.</summary>
public sealed record ReportGiven(bool Snapshot = false, bool Seed = false, bool RelationTypes = false, bool MaxCrops = false);
