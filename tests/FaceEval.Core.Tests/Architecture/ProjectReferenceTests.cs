using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace FaceEval.Core.Tests.Architecture;

/// <summary>
/// The project references of src/ against the table in docs/architecture.md ("What each project may
/// use"), written by hand: a reference the table does not allow, or a project it does not name, fails.
/// </summary>
public sealed partial class ProjectReferenceTests
{
    private const string Section = "## What each project may use";

    [Fact]
    public void Every_source_project_references_only_what_docs_architecture_allows()
    {
        var root = Checkout();
        var allowed = Allowed(File.ReadAllText(Path.Combine(root, "docs", "architecture.md")));
        var projects = Directory.GetFiles(Path.Combine(root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(p => (Path.GetFileNameWithoutExtension(p), References(File.ReadAllText(p))))
            .ToArray();

        Assert.True(projects.Length >= 6, $"found only {projects.Length} projects under src/");
        Assert.Empty(Violations(allowed, projects));
    }

    [Fact]
    public void A_forbidden_reference_or_an_unlisted_project_is_reported()
    {
        var allowed = Allowed(File.ReadAllText(Path.Combine(Checkout(), "docs", "architecture.md")));
        // Reports cutting crops through Inference, as it did before FaceEval.Imaging existed.
        const string reports = """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <ProjectReference Include="..\FaceEval.Core\FaceEval.Core.csproj" />
                <ProjectReference Include="..\FaceEval.Inference\FaceEval.Inference.csproj" />
              </ItemGroup>
            </Project>
            """;
        Assert.Equal(["FaceEval.Core", "FaceEval.Inference"], References(reports));

        var violations = Violations(allowed, [("FaceEval.Reports", References(reports)), ("FaceEval.Core", ["FaceEval.Imaging"]), ("FaceEval.Extra", [])]);
        Assert.Equal(
        [
            "FaceEval.Reports references FaceEval.Inference, which docs/architecture.md does not allow",
            "FaceEval.Core references FaceEval.Imaging, which docs/architecture.md does not allow",
            "FaceEval.Extra is not in the table of docs/architecture.md",
        ], violations);
    }

    [Fact]
    public void The_table_names_the_six_projects_and_core_uses_none()
    {
        var allowed = Allowed(File.ReadAllText(Path.Combine(Checkout(), "docs", "architecture.md")));
        Assert.Equal(["FaceEval.Cli", "FaceEval.Core", "FaceEval.Imaging", "FaceEval.Inference", "FaceEval.Labeling", "FaceEval.Reports"], allowed.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(allowed["FaceEval.Core"]);
        Assert.Equal(["FaceEval.Core"], allowed["FaceEval.Imaging"]);
    }

    /// <summary>Rows <c>| `Project` | `A`, `B` |</c> of the table under <see cref="Section"/>.</summary>
    private static Dictionary<string, HashSet<string>> Allowed(string markdown)
    {
        var start = markdown.IndexOf(Section, StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/architecture.md has no \"{Section}\" section");
        var end = markdown.IndexOf("\n## ", start + Section.Length, StringComparison.Ordinal);
        var body = markdown[start..(end < 0 ? markdown.Length : end)];
        var allowed = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (Match row in TableRow().Matches(body))
        {
            allowed.Add(row.Groups["project"].Value, Quoted().Matches(row.Groups["uses"].Value).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal));
        }

        return allowed;
    }

    /// <summary>The project names (file names without .csproj) a project file references.</summary>
    private static string[] References(string csproj) =>
        XDocument.Parse(csproj).Descendants("ProjectReference")
            .Select(r => (string?)r.Attribute("Include") ?? "")
            .Select(path => Path.GetFileNameWithoutExtension(path.Replace('\\', '/')))
            .ToArray();

    private static List<string> Violations(Dictionary<string, HashSet<string>> allowed, IEnumerable<(string Project, string[] References)> projects)
    {
        var violations = new List<string>();
        foreach (var (project, references) in projects)
        {
            if (!allowed.TryGetValue(project, out var uses))
            {
                violations.Add($"{project} is not in the table of docs/architecture.md");
                continue;
            }

            violations.AddRange(references.Where(r => !uses.Contains(r)).Select(r => $"{project} references {r}, which docs/architecture.md does not allow"));
        }

        return violations;
    }

    private static string Checkout()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "docs", "architecture.md")) && Directory.Exists(Path.Combine(dir.FullName, "src")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("docs/architecture.md not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^\|\s*`(?<project>FaceEval\.[A-Za-z]+)`\s*\|(?<uses>[^|\n]*)\|\s*$", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Quoted();
}
