using System.Diagnostics;
using FaceEval.Core.Graphs;

namespace FaceEval.Core.Algorithms;

/// <summary>
/// The waiting (unassigned, arrived) faces of <see cref="GatedPipeline"/> and their Chinese Whispers clusters,
/// kept from one clustering step to the next instead of recomputed over every waiting face at every step.
/// <para>Chinese Whispers moves labels only along edges, so its clusters never cross two connected components
/// of the waiting faces' graph (edges below the clustering distance). Each component is therefore clustered on
/// its own: <see cref="ChineseWhispers.Cluster(FaceGraph, ChineseWhispersOptions, int)"/> on the component's
/// induced subgraph (nodes in face order) with the seed <see cref="ComponentSeed"/> of the run's seed and the
/// component's lowest face. Its labels then depend only on its node set, so a component no face joined or left
/// since the previous step keeps its clusters without running Chinese Whispers again, and a face alone costs
/// nothing (a cluster needs two faces). This is a different random stream from one Chinese Whispers run over
/// all waiting faces (whose random picks interleave the components), not a different procedure.</para>
/// </summary>
internal sealed class LeftoverClustering
{
    private const int NotWaiting = -1;
    private const int Alone = -2;    // waiting, in a component of its own (or not yet placed)
    private const int Visiting = -3; // reached by the search that is regrouping faces

    private readonly Func<FaceGraph> _graphSource;
    private readonly float _below;
    private readonly ChineseWhispersOptions _options;
    private readonly int _seed;
    private readonly int[] _componentOf;
    private readonly List<Component?> _components = [];
    private readonly Stack<int> _freeIds = new();
    private readonly HashSet<int> _multiFace = [];
    private readonly List<int> _joined = [];
    private readonly HashSet<int> _changed = [];
    private FaceGraph? _graph;
    private int[] _local = [];

    /// <param name="faceCount">Faces of the library (node count of the graph).</param>
    /// <param name="graphSource">The leftover graph over all faces, asked for at the first <see cref="Update"/>.</param>
    /// <param name="options">Chinese Whispers settings; its threshold is also the component edge rule.</param>
    /// <param name="seed">The run's seed.</param>
    public LeftoverClustering(int faceCount, Func<FaceGraph> graphSource, ChineseWhispersOptions options, int seed)
    {
        _graphSource = graphSource;
        _options = options;
        _below = (float)options.Threshold;
        _seed = seed;
        _componentOf = new int[faceCount];
        Array.Fill(_componentOf, NotWaiting);
    }

    /// <summary>Faces waiting now.</summary>
    public int Count { get; private set; }

    /// <summary>Chinese Whispers runs so far (components of at least two faces that were (re)clustered).</summary>
    public long Runs { get; private set; }

    /// <summary>Faces those runs clustered, in all.</summary>
    public long FacesClustered { get; private set; }

    /// <summary>A face starts waiting; it is placed in a component at the next <see cref="Update"/>.</summary>
    public void Add(int face)
    {
        Debug.Assert(_componentOf[face] == NotWaiting, "a face arrives once");
        _componentOf[face] = Alone;
        _joined.Add(face);
        Count++;
    }

    /// <summary>A face stops waiting (it joined a person); false if it was not waiting.</summary>
    public bool Remove(int face)
    {
        var c = _componentOf[face];
        if (c == NotWaiting)
        {
            return false;
        }

        if (c >= 0)
        {
            _changed.Add(c);
        }

        _componentOf[face] = NotWaiting;
        Count--;
        return true;
    }

    /// <summary>
    /// Regroups the components that faces joined or left since the last call, clusters those of at least two
    /// faces, and returns every cluster of at least two waiting faces, ordered by lowest face (the order in which
    /// one run over all waiting faces in face order numbers its clusters). Clusters of unchanged components are
    /// the same objects as before, so what was judged about them can be kept on them.
    /// </summary>
    public IReadOnlyList<LeftoverCluster> Update()
    {
        var graph = _graph ??= _graphSource();
        if (_local.Length == 0)
        {
            _local = new int[graph.NodeCount];
            Array.Fill(_local, -1);
        }

        // Faces to regroup: the ones that joined, waiting faces alone next to them, and what remains of every
        // component a face joined (an edge to a joining face) or left.
        var seeds = new List<int>();
        foreach (var f in _joined)
        {
            if (_componentOf[f] == NotWaiting)
            {
                continue;
            }

            seeds.Add(f);
            var ns = graph.Neighbours(f);
            var ds = graph.Distances(f);
            for (var e = 0; e < ns.Length; e++)
            {
                if (ds[e] < _below)
                {
                    var c = _componentOf[ns[e]];
                    if (c >= 0)
                    {
                        _changed.Add(c);
                    }
                    else if (c == Alone)
                    {
                        seeds.Add(ns[e]);
                    }
                }
            }
        }

        _joined.Clear();
        foreach (var id in _changed)
        {
            foreach (var f in _components[id]!.Faces)
            {
                if (_componentOf[f] == id)
                {
                    _componentOf[f] = Alone;
                    seeds.Add(f);
                }
            }

            _components[id] = null;
            _multiFace.Remove(id);
            _freeIds.Push(id);
        }

        _changed.Clear();
        var stack = new Stack<int>();
        var members = new List<int>();
        foreach (var s in seeds)
        {
            if (_componentOf[s] != Alone)
            {
                continue; // already regrouped from another seed (or a duplicate seed)
            }

            members.Clear();
            _componentOf[s] = Visiting;
            stack.Push(s);
            while (stack.Count > 0)
            {
                var f = stack.Pop();
                members.Add(f);
                var ns = graph.Neighbours(f);
                var ds = graph.Distances(f);
                for (var e = 0; e < ns.Length; e++)
                {
                    // A waiting neighbour is a seed (alone) or being visited: any other component touching a
                    // seed was marked changed above, so no unchanged component is reachable from here.
                    if (ds[e] < _below && _componentOf[ns[e]] == Alone)
                    {
                        _componentOf[ns[e]] = Visiting;
                        stack.Push(ns[e]);
                    }

                    Debug.Assert(ds[e] >= _below || _componentOf[ns[e]] is NotWaiting or Alone or Visiting, "an unchanged component was reached");
                }
            }

            if (members.Count == 1)
            {
                _componentOf[s] = Alone;
                continue;
            }

            var faces = members.ToArray();
            Array.Sort(faces);
            var id = _freeIds.Count > 0 ? _freeIds.Pop() : NewId();
            foreach (var f in faces)
            {
                _componentOf[f] = id;
            }

            _components[id] = new Component(faces, Clusters(graph, faces));
            _multiFace.Add(id);
        }

        var all = new List<LeftoverCluster>();
        foreach (var id in _multiFace)
        {
            all.AddRange(_components[id]!.Clusters);
        }

        all.Sort((a, b) => a.Faces[0].CompareTo(b.Faces[0]));
        return all;
    }

    /// <summary>
    /// The Chinese Whispers seed of a component: the run's seed mixed with the component's lowest face
    /// (splitmix64's finaliser), so the same node set gets the same labels at every step.
    /// </summary>
    public static int ComponentSeed(int seed, int lowestFace)
    {
        var x = ((ulong)(uint)seed << 32) | (uint)lowestFace;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return unchecked((int)(x ^ (x >> 31)));
    }

    private LeftoverCluster[] Clusters(FaceGraph graph, int[] faces)
    {
        var labels = ChineseWhispers.Cluster(graph.Subgraph(faces, _local), _options, ComponentSeed(_seed, faces[0]));
        Runs++;
        FacesClustered += faces.Length;
        var groups = new List<int>[labels.Length == 0 ? 0 : labels.Max() + 1];
        for (var k = 0; k < labels.Length; k++)
        {
            (groups[labels[k]] ??= []).Add(faces[k]);
        }

        return groups.Where(g => g.Count >= 2).Select(g => new LeftoverCluster(g.ToArray())).ToArray();
    }

    private int NewId()
    {
        _components.Add(null);
        return _components.Count - 1;
    }

    private sealed record Component(int[] Faces, LeftoverCluster[] Clusters);
}

/// <summary>
/// A Chinese Whispers cluster of at least two waiting faces (ascending), and what the pipeline judged about
/// it: it lives as long as its component is unchanged, and every verdict cached here depends only on its faces.
/// </summary>
internal sealed class LeftoverCluster(int[] faces)
{
    public int[] Faces { get; } = faces;

    /// <summary>The unit direction of the weighted sum of its faces, once computed.</summary>
    public float[]? Centroid { get; set; }

    /// <summary>Whether it passes the fold cohesion check, once asked.</summary>
    public bool? FoldCohesive { get; set; }

    /// <summary>True once it was judged as a new person and stayed waiting (too few photos, or not cohesive).</summary>
    public bool NotAPerson { get; set; }
}
