using System.Reflection;
using FaceEval.Core.Errors;

namespace FaceEval.Reports.Formatting;

/// <summary>
/// The page template, style, script and the three chart libraries (vega, vega-lite, vega-embed from npm,
/// embedded into this assembly at build time from tools/npm/node_modules).
/// </summary>
internal static class PageAssets
{
    public static string Template(string name) => Read($"FaceEval.Reports.Templates.{name}", name);

    public static string Vega(string bundle)
    {
        var text = Read($"FaceEval.Reports.Vega.{bundle}", bundle);
        // Keep a bundle from closing its own <script> element, and drop the source-map hint (no map ships).
        return text.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase)
            .Replace("//# sourceMappingURL=", "//", StringComparison.Ordinal);
    }

    private static string Read(string resource, string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new FaceEvalException(ErrorKind.Internal,
                $"{name} is not embedded in FaceEval.Reports; rebuild after ./setup.sh installed tools/npm (npm ci --ignore-scripts)");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
