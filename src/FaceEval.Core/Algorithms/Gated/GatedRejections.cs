namespace FaceEval.Core.Algorithms;

/// <summary>
/// Arrivals that did not join a person, by the first gate that stopped them (checked in this order:
/// no person yet, distance, person size, cohesion, margin); the counts add up to the rejected arrivals.
/// </summary>
public sealed record GatedRejections(int NoPerson, int Distance, int MinPersonFaces, int Cohesion, int Margin)
{
    public int Total => NoPerson + Distance + MinPersonFaces + Cohesion + Margin;
}
