using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FaceEval.Core.Embeddings;
using FaceEval.Core.Errors;
using FaceEval.Core.Numpy;

namespace FaceEval.Core.Neighbors;

/// <summary>
/// Keeps a snapshot's exact k-nearest-neighbour graph on disk beside it, never inside it (a snapshot is
/// immutable and hash-verified): <c>&lt;snapshot&gt;.cache/neighbors/&lt;model&gt;-exact-k&lt;k&gt;/</c> holding
/// <c>ids.npy</c> (int32 [N, k]) and <c>distances.npy</c> (float32 [N, k]), both as <c>numpy.save</c>
/// writes them, and <c>key.json</c> (snapshot id, model, structure, k, faces, dimension). A folder is
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

    /// <summary>Where the graph of this snapshot, model and k lives.</summary>
    public static string PathFor(string snapshotDirectory, string model, int k) =>
        Path.Combine(Path.TrimEndingDirectorySeparator(Path.GetFullPath(snapshotDirectory)) + ".cache", "neighbors",
            $"{SafeName(model)}-exact-k{k.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>
    /// The cached graph when its key matches, else a new one built by <see cref="KnnGraph.Build"/> and
    /// stored. <paramref name="k"/> is the requested k; the key holds the effective one (at most N - 1).
    /// </summary>
    public static KnnGraphCacheResult LoadOrBuild(string snapshotDirectory, string snapshotId, string model, EmbeddingMatrix embeddings, int k,
        IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        var watch = Stopwatch.StartNew();
        var key = new CacheKey(Format, snapshotId, model, "exact", Math.Min(k, Math.Max(0, embeddings.Count - 1)), embeddings.Count, embeddings.Dimension);
        var directory = PathFor(snapshotDirectory, model, k);
        string? warning = null;
        string? rebuildReason = null;
        if (Directory.Exists(directory))
        {
            try
            {
                var found = ReadKey(Path.Combine(directory, KeyFile));
                if (found == key)
                {
                    var graph = Read(directory, key);
                    return new KnnGraphCacheResult(graph, directory, true, watch.Elapsed.TotalSeconds, null, null);
                }

                rebuildReason = $"its key does not match (cached for snapshot {found?.Snapshot}, model {found?.Model}, k={found?.K}, {found?.Faces} faces)";
            }
            catch (Exception e) when (e is FaceEvalException or IOException or JsonException or UnauthorizedAccessException)
            {
                warning = $"the cached neighbour graph at {directory} is unreadable ({e.Message}); rebuilt";
            }
        }

        var built = KnnGraph.Build(embeddings, k, progress, cancellation);
        try
        {
            Store(directory, key, built);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            warning = $"the neighbour graph could not be cached at {directory} ({e.Message}); the next run builds it again";
        }

        return new KnnGraphCacheResult(built, directory, false, watch.Elapsed.TotalSeconds, warning, rebuildReason);
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

    private static readonly JsonSerializerOptions KeyJson = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    private sealed record CacheKey(int Format, string Snapshot, string Model, string Structure, int K, int Faces, int Dimension);
}

/// <summary>A graph from <see cref="KnnGraphCache"/>: where it lives, whether it was read back or built, and in how many seconds.</summary>
/// <param name="Warning">Set when a cache was unreadable (and rebuilt) or could not be written.</param>
/// <param name="RebuildReason">Set when a cache was there but for another key.</param>
public sealed record KnnGraphCacheResult(KnnGraph Graph, string Directory, bool Loaded, double Seconds, string? Warning, string? RebuildReason);
