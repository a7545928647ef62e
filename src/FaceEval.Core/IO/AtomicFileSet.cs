using FaceEval.Core.Errors;

namespace FaceEval.Core.IO;

/// <summary>
/// Writes several files that belong together (sweep.csv + sweep.json, labels.csv + metrics.json,
/// gate.json + JUnit) so that a failure leaves none of them written or replaced: every target is checked
/// and every temporary file written and flushed before the first rename. Only a failure between two renames
/// (the disk vanishing) can still leave a mix; every reason known beforehand fails before any rename.
/// </summary>
public sealed class AtomicFileSet
{
    private readonly List<(string Path, Action<Stream> Write)> _files = [];

    public AtomicFileSet Add(string path, Action<Stream> write)
    {
        _files.Add((Path.GetFullPath(path), write));
        return this;
    }

    public AtomicFileSet AddText(string path, string text) => Add(path, s =>
    {
        using var writer = new StreamWriter(s, new System.Text.UTF8Encoding(false), leaveOpen: true);
        writer.Write(text);
    });

    /// <summary>Writes every file, or none: a target that is a directory is refused as I/O before anything is written.</summary>
    public void Commit()
    {
        foreach (var (path, _) in _files)
        {
            if (Directory.Exists(path))
            {
                throw new FaceEvalException(ErrorKind.Io, $"cannot write {path}: it is a directory; nothing was written");
            }
        }

        var temps = new List<(string Temp, string Path)>();
        try
        {
            foreach (var (path, write) in _files)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                var temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
                temps.Add((temp, path));
                using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            foreach (var (temp, path) in temps)
            {
                File.Move(temp, path, overwrite: true);
            }
        }
        finally
        {
            foreach (var (temp, _) in temps)
            {
                if (File.Exists(temp))
                {
                    File.Delete(temp);
                }
            }
        }
    }
}
