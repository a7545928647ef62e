namespace FaceEval.Labeling.Server;

/// <summary>The single page (embedded resource Web/index.html): no external assets.</summary>
internal static class Page
{
    public static string Html { get; } = Load();

    private static string Load()
    {
        using var stream = typeof(Page).Assembly.GetManifestResourceStream("FaceEval.Labeling.index.html")
            ?? throw new InvalidOperationException("the page resource is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
