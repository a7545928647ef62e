namespace FaceEval.Core.IO;

/// <summary>
/// The commit a working tree is at, read from CI variables or the .git folder directly (no git process),
/// so a baseline records which code produced it. Null when neither is there.
/// </summary>
public static class GitCommit
{
    public static string? Find(string startDirectory)
    {
        foreach (var variable in new[] { "GITHUB_SHA", "CI_COMMIT_SHA", "BUILD_SOURCEVERSION" })
        {
            if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } sha)
            {
                return sha;
            }
        }

        foreach (var dir in RepositoryRoot.Ancestors(startDirectory))
        {
            var git = Path.Combine(dir.FullName, ".git");
            if (File.Exists(git))
            {
                // A worktree: ".git" is a file "gitdir: <path>".
                var line = File.ReadAllText(git).Trim();
                git = line.StartsWith("gitdir:", StringComparison.Ordinal) ? Path.GetFullPath(line[7..].Trim(), dir.FullName) : git;
            }

            if (Directory.Exists(git))
            {
                return Resolve(git);
            }
        }

        return null;
    }

    private static string? Resolve(string gitDir)
    {
        var headPath = Path.Combine(gitDir, "HEAD");
        if (!File.Exists(headPath))
        {
            return null;
        }

        var head = File.ReadAllText(headPath).Trim();
        if (!head.StartsWith("ref:", StringComparison.Ordinal))
        {
            return head;
        }

        var reference = head[4..].Trim();
        var common = File.Exists(Path.Combine(gitDir, "commondir"))
            ? Path.GetFullPath(File.ReadAllText(Path.Combine(gitDir, "commondir")).Trim(), gitDir)
            : gitDir;
        foreach (var root in new[] { gitDir, common })
        {
            var loose = Path.Combine(root, reference);
            if (File.Exists(loose))
            {
                return File.ReadAllText(loose).Trim();
            }

            var packed = Path.Combine(root, "packed-refs");
            if (File.Exists(packed))
            {
                var match = File.ReadLines(packed).FirstOrDefault(l => l.EndsWith(" " + reference, StringComparison.Ordinal));
                if (match is not null)
                {
                    return match[..match.IndexOf(' ')];
                }
            }
        }

        return null;
    }
}
