using FaceEval.Core.Embeddings;
using FaceEval.Core.Neighbors;

namespace FaceEval.Core.Algorithms;

/// <summary>
/// Replays Immich's facial recognition (person clustering) on a set of faces.
/// <para>Followed: immich-app/immich <c>server/src/services/person.service.ts</c> at commit
/// 003b40b826a61122996002316eeedde414e73ff6 (<c>handleQueueRecognizeFaces</c>, <c>handleRecognizeFaces</c>) and
/// <c>server/src/repositories/search.repository.ts</c> at 017478c39cdf9a8c6dbdb259fdf0edb8c9c77650
/// (<c>searchFaces</c>: the <c>numResults</c> nearest faces by cosine distance <c>&lt;=&gt;</c>, then
/// <c>distance &lt;= maxDistance</c>; the face itself is among them at distance 0). The commit dates are not
/// recorded in the stored snapshots; this is the 2024-2025 form of the code (job names in UPPER_CASE, one
/// <c>personId</c> per face).</para>
/// <para>Per queued face, in queue order: if it already has a person, skip. Its matches are the
/// <c>minFaces</c> nearest faces with distance &lt;= maxDistance, itself included; if minFaces &gt; 1 and it
/// matches only itself, skip it. It is core iff it has minFaces matches. A non-core face not yet deferred
/// goes once to the end of the queue. Otherwise it takes the person of its nearest match that has one,
/// else of the nearest face within maxDistance that has one (Immich's second search, <c>hasPerson</c>,
/// <c>numResults 1</c>); together: the person of the nearest face within maxDistance that has a person.
/// Failing that, a core face founds a new person; a non-core face stays unassigned.</para>
/// <para>Differences from the server: exact search (over the distance matrix, or a neighbour graph with an
/// exact fallback, <see cref="ImmichGraphSearch"/>) instead of the server's approximate vector index; equal distances are ordered by face index; archived assets are not modelled (the server
/// never makes a face on an archived asset core); faces are queued in the given arrival order (the server
/// pages them in database order).</para>
/// </summary>
public static class ImmichRecognition
{
    /// <summary>
    /// Runs every job of <paramref name="schedule"/> in turn on one library. <paramref name="arrivalOrder"/>
    /// is a permutation of face indices: the order faces are queued in (taken_at order when known, else
    /// snapshot order). No step is random, so there is no seed.
    /// </summary>
    public static ImmichResult Run(DistanceMatrix distances, int[] arrivalOrder, ImmichSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(distances);
        return Replay(new MatrixSearch(distances), arrivalOrder, schedule);
    }

    /// <summary>
    /// The same replay on a k-nearest-neighbour graph of <paramref name="embeddings"/> (see
    /// <see cref="ImmichGraphSearch"/>): equal to <see cref="Run(DistanceMatrix, int[], ImmichSchedule)"/> on
    /// their distance matrix whenever k is at least every job's minFaces - 1, with the searches the graph
    /// cannot answer done exactly and counted in <see cref="ImmichRunStats.ExactSearches"/>.
    /// </summary>
    public static ImmichResult Run(EmbeddingMatrix embeddings, KnnGraph graph, int[] arrivalOrder, ImmichSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return Replay(new ImmichGraphSearch(embeddings, graph, schedule.Runs.Max(r => r.MinFaces)), arrivalOrder, schedule);
    }

    private static ImmichResult Replay(IImmichSearch search, int[] arrivalOrder, ImmichSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var n = search.Count;
        ArrivalOrder.Validate(arrivalOrder, n);

        var person = new int[n];
        Array.Fill(person, -1);
        var nextPerson = 0;
        var stats = new List<ImmichRunStats>();
        var queue = new Queue<(int Face, bool Deferred)>();

        foreach (var run in schedule.Runs)
        {
            if (run.Mode == ImmichMode.Reset)
            {
                Array.Fill(person, -1);
                search.Forget();
            }

            queue.Clear();
            foreach (var f in arrivalOrder)
            {
                if (run.Mode == ImmichMode.Reset || person[f] < 0)
                {
                    queue.Enqueue((f, false));
                }
            }

            var queued = queue.Count;
            int deferred = 0, onlyItself = 0, created = 0, assigned = 0;
            var exactBefore = search.ExactSearches;
            var maxDistance = (float)run.MaxDistance;
            while (queue.TryDequeue(out var job))
            {
                var face = job.Face;
                if (person[face] >= 0)
                {
                    continue;
                }

                var (within, nearestWithPerson) = search.Search(face, person, maxDistance, run.MinFaces);
                var matches = Math.Min(within, run.MinFaces);
                if (run.MinFaces > 1 && matches <= 1)
                {
                    onlyItself++;
                    continue;
                }

                var isCore = matches >= run.MinFaces;
                if (!isCore && !job.Deferred)
                {
                    queue.Enqueue((face, true));
                    deferred++;
                    continue;
                }

                var personId = nearestWithPerson >= 0 ? person[nearestWithPerson] : -1;
                if (isCore && personId < 0)
                {
                    personId = nextPerson++;
                    created++;
                }

                if (personId >= 0)
                {
                    person[face] = personId;
                    search.Assigned(face);
                    assigned++;
                }
            }

            stats.Add(new ImmichRunStats(run, queued, deferred, onlyItself, created, assigned, person.Count(p => p < 0), search.ExactSearches - exactBefore));
        }

        var labels = (int[])person.Clone();
        var people = FirstSeenLabels.Renumber(labels);
        return new ImmichResult(labels, people, stats);
    }

    /// <summary>The full form: every search is one scan of the face's matrix row.</summary>
    private sealed class MatrixSearch(DistanceMatrix distances) : IImmichSearch
    {
        public int Count => distances.Count;

        public long ExactSearches => 0;

        public (int Within, int NearestWithPerson) Search(int face, int[] person, float maxDistance, int enough) =>
            ScanRow(distances.Row(face), person, maxDistance, enough);

        public void Assigned(int face)
        {
        }

        public void Forget()
        {
        }
    }

    /// <summary>
    /// One row scan: how many faces lie within maxDistance (counting stops at <paramref name="enough"/>) and
    /// the nearest of them that has a person (ties to the lower index), or -1.
    /// </summary>
    private static (int Within, int NearestWithPerson) ScanRow(ReadOnlySpan<float> row, int[] person, float maxDistance, int enough)
    {
        var within = 0;
        var nearest = -1;
        var nearestDistance = float.PositiveInfinity;
        for (var g = 0; g < row.Length; g++)
        {
            var d = row[g];
            if (d > maxDistance)
            {
                continue;
            }

            if (within < enough)
            {
                within++;
            }

            if (person[g] >= 0 && d < nearestDistance)
            {
                nearestDistance = d;
                nearest = g;
            }
        }

        return (within, nearest);
    }
}
