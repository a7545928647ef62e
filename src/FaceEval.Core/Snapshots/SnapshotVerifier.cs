using System.Runtime.ExceptionServices;
using System.Text.Json;
using FaceEval.Core.Errors;
using FaceEval.Core.Numpy;

namespace FaceEval.Core.Snapshots;

/// <summary>
/// Checks a snapshot directory without loading it: the manifest parses, every listed file exists and
/// has its recorded sha256, the id matches the listed hashes, the required files are listed, no
/// unlisted file sits in <c>embeddings/</c> or <c>crops/</c>, and each .npy header has the shape the
/// manifest declares. Reports every problem it finds, one per file.
/// </summary>
public static class SnapshotVerifier
{
    /// <summary>A missing directory is a <see cref="ErrorKind.FileNotFound"/> error; everything else is reported.</summary>
    public static SnapshotVerification Verify(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var root = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(root))
        {
            throw new FaceEvalException(ErrorKind.FileNotFound, $"{directory}: no such snapshot directory");
        }

        var problems = new List<SnapshotProblem>();
        var manifest = ReadManifest(root, problems);
        if (manifest is null)
        {
            return new SnapshotVerification(root, null, 0, problems);
        }

        var checkedFiles = CheckFiles(root, manifest, problems);
        CheckStructure(root, manifest, problems);
        return new SnapshotVerification(root, manifest.Id, checkedFiles, problems);
    }

    /// <summary>Verifies and throws <see cref="ErrorKind.SnapshotIntegrity"/> naming the first problem.</summary>
    public static SnapshotVerification VerifyOrThrow(string directory)
    {
        var result = Verify(directory);
        if (!result.IsValid)
        {
            var first = result.Problems[0];
            var more = result.Problems.Count > 1 ? $" (and {result.Problems.Count - 1} more problem{(result.Problems.Count > 2 ? "s" : "")})" : "";
            throw new FaceEvalException(ErrorKind.SnapshotIntegrity,
                $"snapshot {result.Directory} refused: {Path.Combine(result.Directory, first.File)}: {first.Message}{more}");
        }

        return result;
    }

    internal static SnapshotManifest? ReadManifest(string root, List<SnapshotProblem> problems)
    {
        var path = Path.Combine(root, SnapshotLayout.ManifestFile);
        if (!File.Exists(path))
        {
            problems.Add(new(SnapshotLayout.ManifestFile, "missing: not a snapshot directory"));
            return null;
        }

        SnapshotManifest? manifest;
        try
        {
            manifest = ManifestJson.Read(File.ReadAllBytes(path));
        }
        catch (Exception ex) when (ex is JsonException or FormatException or NotSupportedException or ArgumentException)
        {
            problems.Add(new(SnapshotLayout.ManifestFile, $"unreadable ({ex.Message.ReplaceLineEndings(" ")})"));
            return null;
        }

        if (manifest is null)
        {
            problems.Add(new(SnapshotLayout.ManifestFile, "unreadable (null)"));
            return null;
        }

        if (manifest.FormatVersion != SnapshotManifest.CurrentFormatVersion)
        {
            problems.Add(new(SnapshotLayout.ManifestFile,
                $"format version {manifest.FormatVersion} is not supported (this FaceEval reads version {SnapshotManifest.CurrentFormatVersion})"));
            return null;
        }

        return manifest;
    }

    private static int CheckFiles(string root, SnapshotManifest manifest, List<SnapshotProblem> problems)
    {
        var listed = manifest.Files.OrderBy(f => f.Key, StringComparer.Ordinal).ToArray();
        var present = listed.Select(f => IsInside(root, f.Key) && File.Exists(Path.Combine(root, f.Key))).ToArray();

        // Hashing is most of the time a snapshot takes to open; files are independent, so every core
        // hashes, largest files first.
        var actual = new string?[listed.Length];
        var failed = new ExceptionDispatchInfo?[listed.Length];
        var order = Enumerable.Range(0, listed.Length).Where(i => present[i])
            .OrderByDescending(i => new FileInfo(Path.Combine(root, listed[i].Key)).Length).ToArray();
        Parallel.ForEach(order, i =>
        {
            try
            {
                actual[i] = SnapshotLayout.HashFile(Path.Combine(root, listed[i].Key));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                failed[i] = ExceptionDispatchInfo.Capture(ex);
            }
        });

        // A file that cannot be read is the caller's IO error, as if read alone: the first in file order.
        failed.FirstOrDefault(f => f is not null)?.Throw();

        var count = 0;
        for (var i = 0; i < listed.Length; i++)
        {
            var (file, expected) = listed[i];
            if (!IsInside(root, file))
            {
                problems.Add(new(file, "listed path leaves the snapshot directory"));
            }
            else if (actual[i] is not { } hash)
            {
                problems.Add(new(file, "listed in the manifest but missing (incomplete snapshot)"));
            }
            else
            {
                count++;
                if (!string.Equals(hash, expected, StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add(new(file, $"sha256 {hash[..12]}... does not match the manifest's {Short(expected)}... (tampered or damaged)"));
                }
            }
        }

        foreach (var folder in SnapshotLayout.ClosedFolders)
        {
            var dir = Path.Combine(root, folder);
            if (!System.IO.Directory.Exists(dir))
            {
                continue;
            }

            foreach (var path in System.IO.Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = SnapshotLayout.Relative(root, path);
                if (!manifest.Files.ContainsKey(relative))
                {
                    problems.Add(new(relative, "not listed in the manifest (added after the snapshot was frozen)"));
                }
            }
        }

        var id = SnapshotLayout.ComputeId(manifest.Files);
        if (!string.Equals(id, manifest.Id, StringComparison.Ordinal))
        {
            problems.Add(new(SnapshotLayout.ManifestFile, $"id {manifest.Id} does not match the listed content (which gives {id})"));
        }

        return count;
    }

    private static void CheckStructure(string root, SnapshotManifest manifest, List<SnapshotProblem> problems)
    {
        foreach (var required in new[] { SnapshotLayout.FacesFile, SnapshotLayout.PeopleFile, SnapshotLayout.RelationsFile })
        {
            if (!manifest.Files.ContainsKey(required))
            {
                problems.Add(new(required, "not listed in the manifest (incomplete snapshot)"));
            }
        }

        foreach (var model in manifest.Models)
        {
            var expectedFile = SnapshotLayout.IsSafeModelName(model.Name) ? SnapshotLayout.EmbeddingFile(model.Name) : null;
            if (expectedFile is null || model.File != expectedFile)
            {
                problems.Add(new(SnapshotLayout.ManifestFile, $"model '{model.Name}' has file '{model.File}', expected embeddings/<name>.npy"));
                continue;
            }

            if (!manifest.Files.ContainsKey(model.File))
            {
                problems.Add(new(model.File, $"model '{model.Name}' is declared but its file is not listed (incomplete snapshot)"));
                continue;
            }

            var path = Path.Combine(root, model.File);
            if (!File.Exists(path) || problems.Any(p => p.File == model.File))
            {
                continue;
            }

            try
            {
                var header = NpyReader.ReadHeader(path);
                if (header.Rows != manifest.Counts.Faces || header.Columns != model.Dimension)
                {
                    problems.Add(new(model.File,
                        $"shape ({header.Rows}, {header.Columns}) does not match {manifest.Counts.Faces} faces x dimension {model.Dimension}"));
                }
            }
            catch (FaceEvalException ex)
            {
                problems.Add(new(model.File, ex.Message));
            }
        }
    }

    private static bool IsInside(string root, string relative) =>
        relative.Length > 0 && !Path.IsPathRooted(relative) && relative != SnapshotLayout.ManifestFile
        && SnapshotLayout.Inside(root, Path.Combine(root, relative)) is not null;

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}
