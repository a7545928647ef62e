namespace FaceEval.Labeling.Editing;

/// <summary>
/// The five queues of suspicious faces (<see cref="QueueKind"/>) and each person's suspicious count,
/// both read from the same nearest-other-person search and the same membership rule
/// (<see cref="MemberKey"/>), so a count is exactly the distinct faces its queues would show without
/// their limit. What it derives is kept until the next edit. Not thread-safe: <see cref="LabelState"/>
/// calls it under its lock.
/// </summary>
internal sealed class SuspectQueues(LabelEdits edits, LabelOptions options)
{
    private static readonly QueueKind[] MemberKinds =
        [QueueKind.CloserToAnother, QueueKind.SiblingAmbiguous, QueueKind.InGateAlternative, QueueKind.WorstOutliers];

    private Members? _members;
    private (int Version, int[] Counts)? _suspicious;

    /// <summary>
    /// An active person's queue, most suspicious first, at most <see cref="LabelOptions.QueueLimit"/> faces.
    /// Reviewed faces (accepted, moved, unassigned by hand) never appear. Ties go to face order.
    /// </summary>
    public int[] Queue(int person, QueueKind kind)
    {
        var hits = new List<(double Key, int Face)>();
        if (kind == QueueKind.Unassigned)
        {
            var (best, distance, _) = edits.Nearest.Others(edits.Usable());
            var persons = edits.Persons;
            var reviewed = edits.Reviewed;
            for (var f = 0; f < persons.Length; f++)
            {
                if (!reviewed[f] && persons[f] < 0 && best[f] == person)
                {
                    hits.Add((distance[f], f));
                }
            }
        }
        else
        {
            var members = MembersOf(person);
            var reviewed = edits.Reviewed;
            for (var i = 0; i < members.Faces.Length; i++)
            {
                var (f, own, other) = (members.Faces[i], members.Own[i], members.Other[i]);
                if (reviewed[f])
                {
                    continue;
                }

                var key = MemberKey(kind, own, other);
                if (!double.IsNaN(key))
                {
                    hits.Add((kind == QueueKind.CloserToAnother ? -key : key, f));
                }
            }
        }

        return hits.OrderBy(h => h.Key).ThenBy(h => h.Face).Take(options.QueueLimit).Select(h => h.Face).ToArray();
    }

    /// <summary>
    /// Per person id: its distinct suspicious faces, i.e. the faces of its five queues counted once each
    /// and without the queue limit: its unreviewed faces in any member queue plus the unreviewed
    /// unassigned faces nearest to it. One pass over the faces on the shared nearest-other search.
    /// </summary>
    public int[] SuspiciousCounts()
    {
        if (_suspicious is { } cached && cached.Version == edits.Version)
        {
            return cached.Counts;
        }

        var (best, distance, ownDistances) = edits.Nearest.Others(edits.Usable());
        var counts = new int[edits.People.Count];
        var persons = edits.Persons;
        var reviewed = edits.Reviewed;
        for (var f = 0; f < persons.Length; f++)
        {
            var own = persons[f];
            if (reviewed[f])
            {
                continue;
            }

            if (own < 0)
            {
                if (best[f] >= 0)
                {
                    counts[best[f]]++;
                }

                continue;
            }

            foreach (var kind in MemberKinds)
            {
                if (!double.IsNaN(MemberKey(kind, ownDistances[f], distance[f])))
                {
                    counts[own]++;
                    break;
                }
            }
        }

        _suspicious = (edits.Version, counts);
        return counts;
    }

    /// <summary>
    /// The queue key of a member face for one of the four member queues (NaN = not in it): a face is in
    /// a queue exactly when this is a number, for the queue itself and for the suspicious counts alike.
    /// </summary>
    private double MemberKey(QueueKind kind, double own, double other) => kind switch
    {
        QueueKind.CloserToAnother => other < own ? own - other : double.NaN,
        QueueKind.SiblingAmbiguous => other >= own && other - own <= options.SiblingMargin ? other - own : double.NaN,
        QueueKind.InGateAlternative => other <= options.Gate ? other : double.NaN,
        QueueKind.WorstOutliers => own >= options.OutlierDistance ? -own : double.NaN,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>
    /// Each face of a person with its distance to its own centroid and to the nearest other person
    /// (from the shared search), kept until the next edit (the four member queues share it).
    /// </summary>
    private Members MembersOf(int person)
    {
        if (_members is { } cached && cached.Person == person && cached.Version == edits.Version)
        {
            return cached;
        }

        var faces = edits.FacesOf(person);
        var (_, nearest, ownDistances) = edits.Nearest.Others(edits.Usable());
        var otherDistance = faces.Select(f => nearest[f]).ToArray();
        var own = faces.Select(f => ownDistances[f]).ToArray();
        _members = new Members(person, edits.Version, faces, own, otherDistance);
        return _members;
    }

    private sealed record Members(int Person, int Version, int[] Faces, double[] Own, double[] Other);
}
