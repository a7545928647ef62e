namespace FaceEval.Core.Gates;

public sealed record GateResult(IReadOnlyList<GateSuiteResult> Suites)
{
    public bool Passed => Suites.All(s => s.Passed);

    public IEnumerable<GateCheck> Failures => Suites.SelectMany(s => s.Checks).Where(c => !c.Passed);
}
