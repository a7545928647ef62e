using FaceEval.Core.Configuration;
using FaceEval.Core.Fidelity;
using FaceEval.Core.Metrics;
using FaceEval.Core.Tests.TestData;

namespace FaceEval.Core.Tests.Fidelity;

/// <summary>
/// The README's fidelity claim on labelled faces (the FIW and LFW snapshots ./setup.sh builds from the
/// shared data; skipped without them): every algorithm with a graph form, at its default on the exact
/// k = 32 graph, gives the full form's partition whenever it raises no warning (the ARI where it
/// warns is measured, in the README's table, not asserted).
/// </summary>
public class RealSnapshotFidelityTests
{
    [BuiltSnapshotFact("fiw")]
    public void OnFiw() => TheGraphFormsKeepTheirClaim("fiw");

    [BuiltSnapshotFact("lfw")]
    public void OnLfw() => TheGraphFormsKeepTheirClaim("lfw");

    private static void TheGraphFormsKeepTheirClaim(string name)
    {
        var directory = BuiltSnapshotFactAttribute.Directory(name);
        var request = new FidelityRequest(directory, "arcface_w600k_mbf_int8",
            FidelityJob.GraphAlgorithms.Select(a => new FidelitySetting(a, [])).ToArray(), new(null, null), RelationTypeFilter.Default, 42);

        var result = FidelityJob.Run(request, new EvalConfig());

        Assert.Equal(FidelityJob.GraphAlgorithms.Count, result.Rows.Count);
        Assert.All(result.Rows.Where(r => r.ClaimsExact), r => Assert.True(r.Agreement.Identical,
            $"{r.Parameters.Algorithm} {r.Parameters}: no warning, but {r.Agreement.Moved} faces moved (ARI {r.Agreement.Ari})"));
    }
}
