namespace FaceEval.Labeling.Editing.Nearest;

/// <summary>
/// Every face's nearest person other than its own (for an unassigned face: its nearest person) and the
/// distance to it. The member queues, the unassigned queue and the people list's suspicious counts all
/// read it, so they cannot disagree. The first refresh searches all people for every face (two nearest);
/// after that only the people an edit touched are compared again. Each face keeps a lower bound on the
/// distance of every person but its nearest (at first its second nearest), so when its nearest person
/// moves away the face needs a new search only if nothing known is still closer than that bound: an
/// edit costs O(faces x touched people) plus a search for the few faces whose nearest person left them.
/// </summary>
internal sealed class NearestOthers(PersonCentroids centroids, int[] person)
{
    private readonly HashSet<int> _dirtyPeople = [];
    private readonly HashSet<int> _dirtyFaces = [];
    private int[]? _best;
    private double[]? _distance;
    private double[]? _bound;
    private double[]? _own;

    /// <summary>A face moved from <paramref name="from"/> to <paramref name="to"/> (-1 = none); both centroids changed.</summary>
    public void FaceMoved(int face, int from, int to)
    {
        _dirtyFaces.Add(face);
        _dirtyPeople.Add(from);
        _dirtyPeople.Add(to);
    }

    /// <summary>A person's centroid or usability changed without a face of its own moving.</summary>
    public void PersonChanged(int id) => _dirtyPeople.Add(id);

    /// <summary>
    /// Brings every face up to date with the edits so far; <paramref name="usable"/> says who can be
    /// anyone's nearest. Also gives each face's distance to its own person (NaN when it has none),
    /// recomputed in the same pass only for the faces of touched people: one read of the embeddings.
    /// </summary>
    public (int[] Best, double[] Distance, double[] Own) Refresh(bool[] usable)
    {
        if (_best is null || _distance is null || _bound is null || _own is null)
        {
            (_best, _distance, _bound, _own) = (new int[person.Length], new double[person.Length], new double[person.Length], new double[person.Length]);
            Search(Enumerable.Range(0, person.Length).ToArray(), usable);
            for (var f = 0; f < person.Length; f++)
            {
                _own[f] = Own(f);
            }
        }
        else if (_dirtyFaces.Count > 0 || _dirtyPeople.Count > 0)
        {
            var touched = _dirtyPeople.Where(p => p >= 0).ToArray();
            var again = new List<int>();
            for (var f = 0; f < person.Length; f++)
            {
                if (_dirtyFaces.Contains(f) || _dirtyPeople.Contains(person[f]))
                {
                    _own[f] = Own(f);
                }

                if (_dirtyFaces.Contains(f) || !Update(f, touched, usable))
                {
                    again.Add(f);
                }
            }

            Search(again, usable);
        }

        _dirtyFaces.Clear();
        _dirtyPeople.Clear();
        return (_best, _distance, _own);
    }

    private double Own(int face) => person[face] < 0 ? double.NaN : centroids.Distance(face, person[face]);

    /// <summary>
    /// Folds the touched people's new distances into face <paramref name="f"/>'s nearest and bound;
    /// false when its nearest person was touched and nothing known is surely nearest any more.
    /// </summary>
    private bool Update(int f, int[] touched, bool[] usable)
    {
        var (best, distance, bound) = (_best![f], _distance![f], _bound![f]);
        var bestTouched = best >= 0 && _dirtyPeople.Contains(best);
        if (bestTouched)
        {
            distance = DistanceTo(f, best, usable);
        }

        foreach (var p in touched)
        {
            if (p == person[f] || p == best)
            {
                continue;
            }

            var d = DistanceTo(f, p, usable);
            if (d < distance || (d == distance && p < best))
            {
                (bound, best, distance) = (Math.Min(bound, distance), p, d);
            }
            else
            {
                bound = Math.Min(bound, d);
            }
        }

        // People nobody touched are still at least the old bound away; strictly nearer than it, the
        // candidate is the nearest (ties go to a search, which breaks them by person id).
        if (bestTouched && !(distance < _bound[f]))
        {
            return false;
        }

        (_best[f], _distance[f], _bound[f]) = (best, distance, bound);
        return true;
    }

    private double DistanceTo(int face, int p, bool[] usable) =>
        p < usable.Length && usable[p] ? centroids.Distance(face, p) : double.PositiveInfinity;

    /// <summary>Sets the nearest other person of each face, and its bound (the second nearest), from a search of all people.</summary>
    private void Search(IReadOnlyList<int> faces, bool[] usable)
    {
        var excluded = new int[faces.Count];
        for (var i = 0; i < excluded.Length; i++)
        {
            excluded[i] = person[faces[i]];
        }

        var (nearest, distance) = centroids.Nearest(faces, 2, usable, excluded);
        for (var i = 0; i < faces.Count; i++)
        {
            var f = faces[i];
            (_best![f], _distance![f], _bound![f]) = (nearest[2 * i], distance[2 * i], distance[2 * i + 1]);
        }
    }
}
