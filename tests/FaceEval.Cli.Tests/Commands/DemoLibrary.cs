namespace FaceEval.Cli.Tests.Commands;

/// <summary>
/// A synthetic library made once per test class through `faceeval snapshot synth`, plus an empty
/// config file so that tests do not pick up the repository's eval.config.json.
/// </summary>
public sealed class DemoLibrary : IDisposable
{
    public DemoLibrary()
    {
        Root = Directory.CreateTempSubdirectory("faceeval-cli-").FullName;
        Config = Path.Combine(Root, "eval.config.json");
        File.WriteAllText(Config, "{}");
        Snapshot = Synthesize("demo", seed: 7);
    }

    public string Root { get; }

    public string Config { get; }

    public string Snapshot { get; }

    public string Synthesize(string name, int seed)
    {
        var dir = Path.Combine(Root, name);
        var (code, _, stderr) = CliProcess.Run("snapshot", "synth", "--families", "25", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", dir);
        Assert.True(code == 0, stderr);
        return dir;
    }

    public string Path_(params string[] parts) => Path.Combine([Root, .. parts]);

    public void Dispose()
    {
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        Directory.Delete(Root, recursive: true);
    }
}
