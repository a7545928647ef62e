using System.Text.Json;
using FaceEval.Core.Metrics;

namespace FaceEval.Core.Tests.Metrics;

internal sealed record MetricFixtureCase(string Name, int[] Truth, int[] Predicted, (int, int)[]? Lookalikes, JsonElement Expected)
{
    public LookalikePairs? LookalikePairs => Lookalikes is null ? null : FaceEval.Core.Metrics.LookalikePairs.FromIndexPairs(Lookalikes);
}
