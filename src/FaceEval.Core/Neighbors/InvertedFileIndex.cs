using System.Globalization;
using FaceEval.Core.Embeddings;
using FaceEval.Core.Errors;

namespace FaceEval.Core.Neighbors;

/// <summary>
/// The <c>approx</c> structure: an inverted file on our blocked kernel. Spherical k-means
/// (<see cref="SphericalKMeans"/>) splits the faces into <see cref="IvfParameters.Nlist"/> lists; each face
/// is the query of its own row and scores the faces of its <see cref="IvfParameters.Nprobe"/> nearest lists; every pair scored is offered to both of its faces.
/// The work goes list by list: the queries that probe a list are packed in blocks and multiplied with the
/// list's packed faces, so it is matrix products on both cores, like the exact graph. The result keeps
/// <see cref="KnnGraph"/>'s contract (cosine distance clamped at 0, ascending, ties to the lower index, no
/// self) and uses the same FMA chain, so every distance it holds equals the exact graph's, and
/// nprobe = nlist gives the exact graph itself. A face whose probed lists hold fewer than k other faces
/// is searched over every list.
/// </summary>
public static class InvertedFileIndex
{
    private const int Block = SimilarityTiles.Block;

    // Stripes of row locks: a face's list is offered candidates from every list it probes, by either core.
    private const int LockStripes = 4096;

    /// <param name="k">Neighbours per face, at least 1; clamped to N - 1 as for the exact graph.</param>
    /// <param name="progress">Receives the fraction of the search done, in (0, 1].</param>
    /// <exception cref="FaceEvalException">Usage when nlist exceeds the number of faces.</exception>
    public static KnnGraph BuildGraph(EmbeddingMatrix embeddings, int k, IvfParameters parameters, IProgress<double>? progress = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentNullException.ThrowIfNull(parameters);
        var n = embeddings.Count;
        var d = embeddings.Dimension;
        var kk = KnnGraph.EffectiveKFor(k, n);
        var lists = new TopKLists(n, kk);
        if (kk == 0)
        {
            return KnnGraph.FromLists(n, lists);
        }

        if (parameters.Nlist > n)
        {
            throw new FaceEvalException(ErrorKind.Usage, string.Create(CultureInfo.InvariantCulture,
                $"--nlist {parameters.Nlist} is more lists than the {n} faces; use at most {n}"));
        }

        if ((long)n * parameters.Nprobe > Array.MaxLength)
        {
            throw new FaceEvalException(ErrorKind.Usage, string.Create(CultureInfo.InvariantCulture,
                $"--nprobe {parameters.Nprobe} for {n} faces is too many probes for one array; use a smaller --nprobe"));
        }

        var data = embeddings.Data.ToArray();
        var nlist = parameters.Nlist;
        var nprobe = parameters.Nprobe;
        var centroids = SphericalKMeans.Train(data, n, d, nlist, parameters.Seed, cancellation);

        // Every face's nprobe nearest lists; the first is the list it belongs to.
        var probes = new int[(long)n * nprobe];
        SphericalKMeans.Nearest(centroids, nlist, d, data, nprobe, probes, new float[probes.Length], cancellation);
        var layout = ListLayout.Of(data, n, d, nlist, probes, nprobe);

        var probers = Probers(probes, n, nprobe, nlist, (long)n * nprobe);
        Search(layout, data, d, lists, probers, progress, 0.98, cancellation);

        // Faces whose probed lists were too small: rescanned over every list (the exact search).
        var short_ = Enumerable.Range(0, n).Where(i => lists.CountOf(i) < kk).ToArray();
        if (short_.Length > 0)
        {
            foreach (var i in short_)
            {
                lists.Reset(i);
            }

            var all = new int[nlist][];
            Array.Fill(all, short_);
            Search(layout, data, d, lists, all, null, 0, cancellation);
        }

        progress?.Report(1.0);
        return KnnGraph.FromLists(n, lists);
    }

    /// <summary>For each list, the faces (ascending) whose query probes it.</summary>
    private static int[][] Probers(int[] probes, int n, int nprobe, int nlist, long total)
    {
        var counts = new int[nlist];
        for (long e = 0; e < total; e++)
        {
            counts[probes[e]]++;
        }

        var result = new int[nlist][];
        for (var l = 0; l < nlist; l++)
        {
            result[l] = new int[counts[l]];
        }

        Array.Clear(counts);
        for (var q = 0; q < n; q++)
        {
            for (var p = 0; p < nprobe; p++)
            {
                var l = probes[(long)q * nprobe + p];
                result[l][counts[l]++] = q;
            }
        }

        return result;
    }

    /// <summary>Offers each list's faces to each of its probers, as blocks of queries x list faces on the kernel.</summary>
    private static void Search(ListLayout layout, float[] data, int d, TopKLists lists, int[][] probers, IProgress<double>? progress, double share,
        CancellationToken cancellation)
    {
        var kernel = SimilarityKernel.Best;

        // Work items (list, first prober), the costliest first so the two cores finish together.
        var items = new List<(int List, int First)>();
        for (var l = 0; l < probers.Length; l++)
        {
            for (var first = 0; first < probers[l].Length; first += Block)
            {
                if (layout.Size(l) > 0)
                {
                    items.Add((l, first));
                }
            }
        }

        items.Sort((a, b) => ((long)layout.Size(b.List) * Math.Min(Block, probers[b.List].Length - b.First))
            .CompareTo((long)layout.Size(a.List) * Math.Min(Block, probers[a.List].Length - a.First)));
        var locks = Enumerable.Range(0, LockStripes).Select(_ => new object()).ToArray();
        long done = 0;
        var next = -1;
        Parallel.For(0, Math.Min(Environment.ProcessorCount, Math.Max(1, items.Count)), new ParallelOptions { CancellationToken = cancellation }, _ =>
        {
            var packedQueries = GC.AllocateUninitializedArray<float>((Block + kernel.Mr - 1) / kernel.Mr * kernel.Mr * d);
            var tile = GC.AllocateUninitializedArray<float>(Block * Block);
            int item;
            while ((item = Interlocked.Increment(ref next)) < items.Count)
            {
                cancellation.ThrowIfCancellationRequested();
                var (l, first) = items[item];
                var queries = probers[l].AsSpan(first, Math.Min(Block, probers[l].Length - first));
                SimilarityKernel.PackRows(data, queries, d, kernel.Mr, packedQueries);
                var rowGroups = (queries.Length + kernel.Mr - 1) / kernel.Mr;
                var members = layout.Members(l);
                for (var c0 = 0; c0 < members.Length; c0 += Block)
                {
                    var cols = Math.Min(Block, members.Length - c0);
                    var panels = (cols + kernel.Nr - 1) / kernel.Nr;
                    kernel.Multiply(packedQueries, rowGroups, layout.Packed(l, c0, panels), panels, d, tile, Block);
                    Offer(lists, locks, tile, queries, members.Slice(c0, cols));
                }

                if (progress is not null)
                {
                    progress.Report(share * Interlocked.Increment(ref done) / items.Count);
                }
            }
        });
    }

    // Each pair scored is offered to both faces, as the exact graph does: pair (i, j) is found when j's list
    // is among i's probes or i's list among j's, at no extra dot products. A pair met from both ends is the
    // same (distance, index) both times (same FMA chain), so OfferUnique keeps it once.
    private static void Offer(TopKLists lists, object[] locks, float[] tile, ReadOnlySpan<int> queries, ReadOnlySpan<int> members)
    {
        for (var r = 0; r < queries.Length; r++)
        {
            var q = queries[r];
            var line = tile.AsSpan(r * Block, members.Length);
            lock (locks[q % LockStripes])
            {
                var bound = lists.Bound(q);
                for (var c = 0; c < line.Length; c++)
                {
                    var dist = Math.Max(0f, 1f - line[c]);
                    if (dist <= bound && members[c] != q)
                    {
                        bound = lists.OfferUnique(q, dist, members[c]);
                    }
                }
            }
        }

        for (var c = 0; c < members.Length; c++)
        {
            var m = members[c];
            lock (locks[m % LockStripes])
            {
                var bound = lists.Bound(m);
                for (var r = 0; r < queries.Length; r++)
                {
                    var dist = Math.Max(0f, 1f - tile[r * Block + c]);
                    if (dist <= bound && queries[r] != m)
                    {
                        bound = lists.OfferUnique(m, dist, queries[r]);
                    }
                }
            }
        }
    }

    /// <summary>The faces of each list (ascending) and their rows packed for the kernel, list after list, each padded to whole panels.</summary>
    private sealed class ListLayout
    {
        private readonly int[] _members;
        private readonly int[] _offsets;
        private readonly long[] _packedOffsets;
        private readonly float[] _packed;
        private readonly int _d;
        private readonly int _nr;

        private ListLayout(int[] members, int[] offsets, long[] packedOffsets, float[] packed, int d, int nr)
        {
            (_members, _offsets, _packedOffsets, _packed, _d, _nr) = (members, offsets, packedOffsets, packed, d, nr);
        }

        public int Size(int list) => _offsets[list + 1] - _offsets[list];

        public ReadOnlySpan<int> Members(int list) => _members.AsSpan(_offsets[list], Size(list));

        /// <summary>The packed panels of members [first, first + panels * Nr) of a list; first is a multiple of Nr.</summary>
        public ReadOnlySpan<float> Packed(int list, int first, int panels) =>
            _packed.AsSpan((int)(_packedOffsets[list] + (long)first * _d), panels * _nr * _d);

        public static ListLayout Of(float[] data, int n, int d, int nlist, int[] probes, int nprobe)
        {
            var nr = SimilarityKernel.Best.Nr;
            var offsets = new int[nlist + 1];
            for (var i = 0; i < n; i++)
            {
                offsets[probes[(long)i * nprobe] + 1]++;
            }

            for (var l = 0; l < nlist; l++)
            {
                offsets[l + 1] += offsets[l];
            }

            var members = new int[n];
            var fill = offsets[..nlist];
            for (var i = 0; i < n; i++)
            {
                members[fill[probes[(long)i * nprobe]]++] = i;
            }

            var packedOffsets = new long[nlist + 1];
            for (var l = 0; l < nlist; l++)
            {
                var size = offsets[l + 1] - offsets[l];
                packedOffsets[l + 1] = packedOffsets[l] + (long)(size + nr - 1) / nr * nr * d;
            }

            if (packedOffsets[nlist] > Array.MaxLength)
            {
                throw new FaceEvalException(ErrorKind.InvalidData, $"{n} faces x {d} dimensions are too many for one inverted file");
            }

            var packed = GC.AllocateUninitializedArray<float>((int)packedOffsets[nlist]);
            Parallel.For(0, nlist, l =>
            {
                var size = offsets[l + 1] - offsets[l];
                SimilarityKernel.PackRows(data, members.AsSpan(offsets[l], size), d, nr, packed.AsSpan((int)packedOffsets[l], (int)(packedOffsets[l + 1] - packedOffsets[l])));
            });
            return new ListLayout(members, offsets, packedOffsets, packed, d, nr);
        }
    }
}
