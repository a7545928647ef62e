namespace FaceEval.Core.Reporting;

/// <summary>One look-alike pair of people measured under the first two models of a comparison.</summary>
public sealed record LookalikeSeparationPair(int PersonA, int PersonB, double First, double Second)
{
    /// <summary>How many times farther apart the second model puts the pair than the first.</summary>
    public double Ratio => Second / First;
}
