namespace FaceEval.Core.Algorithms;

/// <summary>
/// The pipeline's state after one step, for tracing and invariant checks. The lists are live views of
/// internal state, valid only during the observer call: copy what you keep.
/// </summary>
/// <param name="Arrivals">Faces arrived so far.</param>
/// <param name="PersonOfFace">Internal person id per face (-1 none). Ids are stable for the whole run and
/// never reused; they are not the final labels.</param>
/// <param name="IsNamed">Per internal person id: named by the simulated user.</param>
public sealed record GatedSnapshot(GatedEvent Event, int Arrivals, IReadOnlyList<int> PersonOfFace, IReadOnlyList<bool> IsNamed);
