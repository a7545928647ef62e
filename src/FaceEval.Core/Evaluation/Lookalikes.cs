using FaceEval.Core.Metrics;
using FaceEval.Core.Snapshots;

namespace FaceEval.Core.Evaluation;

/// <summary>Look-alike pairs of a snapshot's people, as truth indices for <see cref="ClusteringScorer"/>.</summary>
public static class Lookalikes
{
    public static LookalikePairs Of(Snapshot snapshot, IEnumerable<Relation> relations, RelationTypeFilter filter)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < snapshot.People.Count; i++)
        {
            index[snapshot.People[i]] = i;
        }

        return LookalikePairs.FromRelations(relations.Select(r => (r.PersonA, r.PersonB, r.Type)), index, filter);
    }
}
