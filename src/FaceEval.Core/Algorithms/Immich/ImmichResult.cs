namespace FaceEval.Core.Algorithms;

/// <summary>Labels after the whole schedule (people 0..k-1 in first-seen order by face index, -1 unassigned)
/// and what each job did.</summary>
public sealed record ImmichResult(int[] Labels, int People, IReadOnlyList<ImmichRunStats> Runs);
