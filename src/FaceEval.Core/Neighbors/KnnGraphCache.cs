using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FaceEval.Core.Embeddings;
using FaceEval.Core.Errors;
using FaceEval.Core.Numpy;

namespace FaceEval.Core.Neighbors;

/// <summary>
/// Keeps a snapshot's exact or approx k-nearest-neighbour graph on disk beside it, never inside it (a snapshot is
/// immutable and hash-verified): <c>&lt;snapshot&gt;.cache/neighbors/&lt;model&gt;-exact-k&lt;k&gt;/</c> holding
/// <c>ids.npy</c> (int32 [N, k]) and <c>distances.npy</c> (float32 [N, k]), both as <c>numpy.save</c>
/// writes them, and <c>key.json</c> (snapshot id, model, structure, k, faces, dimension; for approx also the
/// index parameters and the recall measured at build time). Folders differ per structure and parameters. A folder is
/// written whole under a temporary name and renamed into place, so an interrupted build leaves no folder
/// under the final name; a folder whose key differs is rebuilt, and one that cannot be read back is
/// rebuilt with a warning.
/// </summary>
public static class KnnGraphCache
{
    public const string IdsFile = "ids.npy";
    public const string DistancesFile = "distances.npy";
    public const string KeyFile = "key.json";

    // Bumped when the files' meaning changes, so an older cache is rebuilt rather than misread.
    private const int Format = 1;

    /// <summary>Where the exact graph of this snapshot, model and k lives.</summary>
    public static string PathFor(string snapshotDirectory, string model, int k) =>
        PathFor(snapshotDirectory, model, new NeighborChoice(NeighborStructure.Exact, k));

    /// <summary>
    /// Where the graph of this snapshot, model and structure lives: <c>&lt;model&gt;-exact-k32</c>, or with
    /// the index parameters, <c>&lt;model&gt;-approx-k32-nlist2000-nprobe63-seed42-q1000</c>.
    /// </summary>
    public static string PathFor(string snapshotDirectory, string model, NeighborChoice choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        var name = string.Create(CultureInfo.InvariantCulture, $"{SafeName(model)}-{choice.Structure.ToString().ToLowerInvariant()}-k{choice.K}");
        if (choice.Index is { } p)
        {
            name += string.Create(CultureInfo.InvariantCulture, $"-nlist{p.Nlist}-nprobe{p.Nprobe}-seed{p.Seed}-q{p.RecallQueries}");
        }

        return Path.Combine(Path.TrimEndingDirectorySeparator(Path.GetFullPath(snapshotDirectory)) + ".cache", "neighbors", name);
    }

    /// <summary>The exact graph of k neighbours (see the overload taking a <see cref="NeighborChoice"/>).</summary>
    public static KnnGraphCacheResult LoadOrBuild(string snapshotDirectory, string snapshotId, string model, EmbeddingMatrix embeddings, int k,
        IProgress<double>? progress = null, CancellationToken cancellation = default) =>
        LoadOrBuild(snapshotDirectory, snapshotId, model, embeddings, new NeighborChoice(NeighborStructure.Exact, k), progress, cancellation);

    /// <summary>
    /// The cached graph when its key matches, else a new one built (<see cref="KnnGraph.Build"/> for exact,
    /// <see cref="InvertedFileIndex.BuildGraph"/> for approx, whose recall is then measured by
    /// <see cref="GraphRecall"/> and stored in the key file) and stored. The choice's k is the requested k;
    /// the key holds the effective one (at most N - 1).
    /// </summary>
    public static KnnGraphCacheResult LoadOrBuild(string snapshotDirectory, string snapshotId, string model, EmbeddingMatrix embeddings, NeighborChoice choice,
        IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentNullException.ThrowIfNull(choice);
        if (!choice.IsGraph)
        {
            throw new ArgumentException("the full matrix is not cached", nameof(choice));
        }

        var watch = Stopwatch.StartNew();
        var p = choice.Index;
        var key = new CacheKey(Format, snapshotId, model, choice.Structure.ToString().ToLowerInvariant(), Math.Min(choice.K, Math.Max(0, embeddings.Count - 1)),
            embeddings.Count, embeddings.Dimension, p?.Nlist, p?.Nprobe, p?.Seed, p?.RecallQueries);
        var directory = PathFor(snapshotDirectory, model, choice);
        string? warning = null;
        string? rebuildReason = null;
        if (Directory.Exists(directory))
        {
            try
            {
                var found = ReadKey(Path.Combine(directory, KeyFile));
                if (found is not null && found with { Recall = null, BuildSeconds = null } == key && (p is null || found.Recall is not null))
                {
                    var graph = Read(directory, key);
                    return new KnnGraphCacheResult(graph, directory, true, watch.Elapsed.TotalSeconds, null, null) { Recall = found.Recall, BuildSeconds = found.BuildSeconds ?? 0 };
                }

                rebuildReason = $"its key does not match (cached for snapshot {found?.Snapshot}, model {found?.Model}, k={found?.K}, {found?.Faces} faces)";
            }
            catch (Exception e) when (e is FaceEvalException or IOException or JsonException or UnauthorizedAccessException)
            {
                warning = $"the cached neighbour graph at {directory} is unreadable ({e.Message}); rebuilt";
            }
        }

        RecallReport? recall = null;
        KnnGraph built;
        if (p is null)
        {
            built = KnnGraph.Build(embeddings, choice.K, progress, cancellation);
        }
        else
        {
            built = InvertedFileIndex.BuildGraph(embeddings, choice.K, p, progress, cancellation);
            recall = GraphRecall.Measure(embeddings, built, p.RecallQueries, p.Seed, cancellation);
        }

        var buildSeconds = watch.Elapsed.TotalSeconds;
        try
        {
            Store(directory, key with { Recall = recall, BuildSeconds = Math.Round(buildSeconds, 2) }, built);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            warning = $"the neighbour graph could not be cached at {directory} ({e.Message}); the next run builds it again";
        }

        return new KnnGraphCacheResult(built, directory, false, watch.Elapsed.TotalSeconds, warning, rebuildReason) { Recall = recall, BuildSeconds = buildSeconds };
    }

    private static KnnGraph Read(string directory, CacheKey key)
    {
        var idsPath = Path.Combine(directory, IdsFile);
        var distancesPath = Path.Combine(directory, DistancesFile);
        (int[] Data, int Rows, int Columns) ids;
        using (var stream = File.OpenRead(idsPath))
        {
            ids = NpyReader.ReadInt32(stream, idsPath);
        }

        var distances = NpyReader.Read(distancesPath);
        if (ids.Rows != key.Faces || ids.Columns != key.K || distances.Rows != key.Faces || distances.Columns != key.K
            || distances.SourceType != NpyElementType.Float32)
        {
            throw new FaceEvalException(ErrorKind.InvalidData,
                $"shapes ({ids.Rows}, {ids.Columns}) and ({distances.Rows}, {distances.Columns}) do not match {key.Faces} faces x {key.K}");
        }

        return KnnGraph.FromArrays(key.Faces, key.K, ids.Data, distances.Data);
    }

    private static void Store(string directory, CacheKey key, KnnGraph graph)
    {
        var parent = Path.GetDirectoryName(directory)!;
        Directory.CreateDirectory(parent);
        RemoveAbandoned(parent, Path.GetFileName(directory));
        var temp = $"{directory}.tmp-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}";
        Directory.CreateDirectory(temp);
        try
        {
            WriteFile(Path.Combine(temp, IdsFile), s => NpyWriter.Write(s, graph.NeighborData, graph.Count, graph.K));
            WriteFile(Path.Combine(temp, DistancesFile), s => NpyWriter.Write(s, graph.DistanceData, graph.Count, graph.K));

            // The key goes last: a folder with a key has both arrays complete.
            WriteFile(Path.Combine(temp, KeyFile), s => JsonSerializer.Serialize(s, key, KeyJson));
            if (Directory.Exists(directory))
            {
                var old = $"{directory}.old-{Guid.NewGuid():N}";
                Directory.Move(directory, old);
                Directory.Delete(old, recursive: true);
            }

            Directory.Move(temp, directory);
        }
        finally
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }
        }
    }

    private static void WriteFile(string path, Action<Stream> write)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
        write(stream);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Temporary folders left by a build that was killed (its process is gone).</summary>
    private static void RemoveAbandoned(string parent, string name)
    {
        foreach (var dir in Directory.EnumerateDirectories(parent, name + ".*"))
        {
            // The pattern also matches the bare name (an empty extension).
            var entry = Path.GetFileName(dir);
            if (!entry.StartsWith(name + ".", StringComparison.Ordinal))
            {
                continue;
            }

            var suffix = entry[(name.Length + 1)..];
            var isTemp = suffix.StartsWith("tmp-", StringComparison.Ordinal);
            if (!isTemp && !suffix.StartsWith("old-", StringComparison.Ordinal))
            {
                continue;
            }

            if (isTemp && int.TryParse(suffix.Split('-')[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && IsRunning(pid))
            {
                continue;
            }

            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // Another process may be removing it too; it is not ours to insist on.
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static CacheKey? ReadKey(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<CacheKey>(stream, KeyJson);
    }

    // A model name becomes part of a folder name; the key keeps the exact name, so two names that map
    // to the same folder cannot load each other's graph.
    private static string SafeName(string model) =>
        string.Concat(model.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_'));

    private static readonly JsonSerializerOptions KeyJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    // The index fields are null (left out) for exact, so exact keys written before approx existed still match.
    // Recall and BuildSeconds are what the build measured, stored with the key but not part of it.
    private sealed record CacheKey(int Format, string Snapshot, string Model, string Structure, int K, int Faces, int Dimension,
        int? Nlist = null, int? Nprobe = null, int? Seed = null, int? RecallQueries = null, RecallReport? Recall = null, double? BuildSeconds = null);
}

/// <summary>A graph from <see cref="KnnGraphCache"/>: where it lives, whether it was read back or built, and in how many seconds.</summary>
/// <param name="Warning">Set when a cache was unreadable (and rebuilt) or could not be written.</param>
/// <param name="RebuildReason">Set when a cache was there but for another key.</param>
public sealed record KnnGraphCacheResult(KnnGraph Graph, string Directory, bool Loaded, double Seconds, string? Warning, string? RebuildReason)
{
    /// <summary>The approx graph's recall as measured when it was built (stored in the key file); null for exact.</summary>
    public RecallReport? Recall { get; init; }

    /// <summary>Seconds the build took, recall measurement included, before the files were written (when loaded: as stored, 0 if unknown).</summary>
    public double BuildSeconds { get; init; }
}
