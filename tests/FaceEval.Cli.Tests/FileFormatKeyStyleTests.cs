using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FaceEval.Cli.Tests;

/// <summary>docs/architecture.md, "File formats": one key style for every file, set by each source-generated context.</summary>
public sealed class FileFormatKeyStyleTests
{
    [Fact]
    public void EveryFileContextWritesSnakeCaseKeys()
    {
        var assemblies = new[] { "FaceEval.Core", "FaceEval.Inference", "FaceEval.Labeling", "FaceEval.Reports", "FaceEval.Imaging", "faceeval" }
            .Select(name => Assembly.Load(name));
        var contexts = assemblies.SelectMany(a => a.GetTypes())
            .Where(t => !t.IsAbstract && typeof(JsonSerializerContext).IsAssignableFrom(t))
            .ToList();

        // Core's formats, the build journal, the labelling journal and work.json.
        Assert.True(contexts.Count >= 4, string.Join(", ", contexts.Select(c => c.Name)));
        foreach (var context in contexts)
        {
            var options = ((JsonSerializerContext)context.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!).Options;

            // Readers of files written before snake_case are named for the style they read and read only.
            var expected = context.Name.StartsWith("CamelCase", StringComparison.Ordinal) ? JsonNamingPolicy.CamelCase : JsonNamingPolicy.SnakeCaseLower;
            Assert.True(options.PropertyNamingPolicy == expected, $"{context.FullName} names keys with {options.PropertyNamingPolicy}");
        }
    }
}
