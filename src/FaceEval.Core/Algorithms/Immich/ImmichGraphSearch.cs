using System.Globalization;
using FaceEval.Core.Embeddings;
using FaceEval.Core.Errors;
using FaceEval.Core.Neighbors;

namespace FaceEval.Core.Algorithms;

/// <summary>
/// Immich's two searches answered from a k-nearest-neighbour graph, exactly. A face's list holds its k
/// nearest other faces ordered by (distance, index), so (1) with k &gt;= minFaces - 1 it counts the matches
/// as the full matrix does, and (2) the first listed face within maxDistance that has a person is the
/// nearest such face overall: every unlisted face comes later in that order. When no listed face within
/// maxDistance has a person, the answer is "none" if the list reaches past maxDistance (it then holds every
/// face within it) or is complete (k = N - 1); otherwise the face may lie past k, and every face with a
/// person is scanned by the same kernel that built the graph, so the distances are the matrix's to the bit.
/// Those scans are counted (<see cref="ExactSearches"/>): each costs one pass over the faces with a person.
/// <para>Where this differs from Immich: the server asks an approximate HNSW index (pgvector, later
/// VectorChord) for both searches, so on a large library it can miss a face within maxDistance, undercount
/// matches or take a farther person; this replay never does, on the matrix or the graph.</para>
/// </summary>
internal sealed class ImmichGraphSearch : IImmichSearch
{
    // Results asked of a scan: equal distances are resolved to the lower face index among them, and
    // more are asked for only when all of these tie.
    private const int Candidates = 4;

    private readonly EmbeddingMatrix _embeddings;
    private readonly KnnGraph _graph;
    private readonly bool _complete;
    private readonly float[] _query;
    private NearestRows _withPerson;
    private List<int> _rowFace = [];

    /// <param name="enough">The largest minFaces the replay will ask for: the lists must hold enough - 1 faces.</param>
    public ImmichGraphSearch(EmbeddingMatrix embeddings, KnnGraph graph, int enough)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentNullException.ThrowIfNull(graph);
        if (graph.Count != embeddings.Count)
        {
            throw new FaceEvalException(ErrorKind.DimensionMismatch, $"the neighbour graph covers {graph.Count} faces, the embeddings {embeddings.Count}");
        }

        _complete = graph.K >= graph.Count - 1;
        if (graph.K < enough - 1 && !_complete)
        {
            throw new FaceEvalException(ErrorKind.Usage, string.Create(CultureInfo.InvariantCulture,
                $"immich minFaces={enough} counts the {enough - 1} nearest other faces, but the graph lists only k={graph.K}: pass --k {enough} or more"));
        }

        _embeddings = embeddings;
        _graph = graph;
        _query = new float[embeddings.Dimension];
        _withPerson = new NearestRows(embeddings.Dimension);
    }

    public int Count => _graph.Count;

    public long ExactSearches { get; private set; }

    public (int Within, int NearestWithPerson) Search(int face, int[] person, float maxDistance, int enough)
    {
        var neighbors = _graph.Neighbors(face);
        var distances = _graph.Distances(face);
        var within = 1; // the face itself, at distance 0
        var nearest = -1;
        var reached = distances.Length;
        for (var i = 0; i < distances.Length; i++)
        {
            if (distances[i] > maxDistance)
            {
                reached = i;
                break;
            }

            within = Math.Min(within + 1, Math.Max(enough, 1));
            if (nearest < 0 && person[neighbors[i]] >= 0)
            {
                nearest = neighbors[i];
            }
        }

        within = Math.Min(within, Math.Max(enough, 1));
        if (nearest < 0 && reached == distances.Length && !_complete && _rowFace.Count > 0)
        {
            ExactSearches++;
            nearest = NearestWithPerson(face, maxDistance);
        }

        return (within, nearest);
    }

    public void Assigned(int face)
    {
        _withPerson.Set(_rowFace.Count, _embeddings.Row(face));
        _rowFace.Add(face);
    }

    public void Forget()
    {
        _withPerson = new NearestRows(_embeddings.Dimension);
        _rowFace = [];
    }

    private int NearestWithPerson(int face, float maxDistance)
    {
        _embeddings.Row(face).CopyTo(_query);
        for (var m = Math.Min(Candidates, _rowFace.Count); ; m = Math.Min(2 * m, _rowFace.Count))
        {
            var rows = new int[m];
            var similarity = new float[m];
            _withPerson.Search(_query, m, rows, similarity);

            // Rows come by similarity descending, so distances 1 - s (clamped at 0, as the matrix) ascend;
            // several may round to the same float, and the matrix form breaks that tie by face index.
            var best = Distance(similarity[0]);
            if (best > maxDistance)
            {
                return -1;
            }

            if (Distance(similarity[m - 1]) > best || m == _rowFace.Count)
            {
                var nearest = int.MaxValue;
                for (var i = 0; i < m && Distance(similarity[i]) == best; i++)
                {
                    nearest = Math.Min(nearest, _rowFace[rows[i]]);
                }

                return nearest;
            }
        }
    }

    private static float Distance(float similarity) => Math.Max(0f, 1f - similarity);
}
