using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FaceEval.Core.Algorithms;
using FaceEval.Core.Gates;
using FaceEval.Core.Metrics;
using FaceEval.Core.Snapshots;
using FaceEval.Core.Sweeps;
using FaceEval.Core.Tests.Snapshots;
using FaceEval.Core.Tests.TestData;

namespace FaceEval.Core.Tests.IO;

/// <summary>
/// Each file format: what is written reads back to the same thing (and writes again to the same
/// bytes), its keys are snake_case, and a file written by an earlier FaceEval (the text it wrote,
/// kept here verbatim) still reads.
/// </summary>
public sealed class FileFormatTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void TheManifestIsWrittenSnakeCaseAndReadsBack()
    {
        var snapshot = SnapshotImporter.Import(new SyntheticExport(_dir).Write()).Snapshot;
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(snapshot.Directory, "manifest.json")))!.AsObject();

        Assert.Equal(["format_version", "id", "created", "source", "parent", "models", "counts", "images_root", "files"],
            json.Select(p => p.Key).ToArray());
        Assert.Equal(["name", "dimension", "file", "provenance", "source_path"], json["models"]![0]!.AsObject().Select(p => p.Key).ToArray());
        Assert.Equal(["faces", "labelled_faces", "people", "photos", "relations"], json["counts"]!.AsObject().Select(p => p.Key).ToArray());
        AssertSnakeCase(json, "files");

        var read = SnapshotManifest.TryRead(snapshot.Directory)!;
        Assert.Equal(snapshot.Manifest.Id, read.Id);
        Assert.Equal(snapshot.Manifest.Counts, read.Counts);
        Assert.Equal(snapshot.Manifest.Models, read.Models);
        Assert.Equal(snapshot.Manifest.Files, read.Files);
        Assert.Equal(snapshot.Manifest.Created, read.Created);
    }

    [Fact]
    public void ACamelCaseManifestStillLoadsWithItsIdUnchanged()
    {
        var snapshot = SnapshotImporter.Import(new SyntheticExport(_dir).Write()).Snapshot;
        var path = Path.Combine(snapshot.Directory, "manifest.json");
        var text = File.ReadAllText(path);

        // As every FaceEval before snake_case wrote it.
        var old = text.Replace("\"format_version\"", "\"formatVersion\"").Replace("\"source_path\"", "\"sourcePath\"")
            .Replace("\"labelled_faces\"", "\"labelledFaces\"").Replace("\"images_root\"", "\"imagesRoot\"");
        Assert.NotEqual(text, old);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        else
        {
            File.SetAttributes(path, FileAttributes.Normal);
        }

        File.WriteAllText(path, old);

        var loaded = Snapshot.Load(snapshot.Directory);
        Assert.Equal(snapshot.Id, loaded.Id);
        Assert.Equal(snapshot.Manifest.Counts, loaded.Manifest.Counts);
        Assert.Equal(snapshot.Manifest.ImagesRoot, loaded.Manifest.ImagesRoot);
        Assert.Equal(snapshot.Manifest.Models, loaded.Manifest.Models);

        // The id is the documented rule over the listed files alone: the manifest's text is not one of them.
        Assert.DoesNotContain("manifest.json", loaded.Manifest.Files.Keys);
        var lines = string.Concat(Directory.EnumerateFiles(snapshot.Directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(snapshot.Directory, f).Replace('\\', '/')).Where(f => f != "manifest.json")
            .Order(StringComparer.Ordinal)
            .Select(f => $"{f} {Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(snapshot.Directory, f))))}\n"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lines)))[..16], loaded.Id);
    }

    [Fact]
    public void ASweepReadsBackAndWritesTheSameBytes()
    {
        var result = Sweep();
        SweepWriter.Write(result, _dir.Path);
        var path = Path.Combine(_dir.Path, "sweep.json");
        var first = File.ReadAllBytes(path);

        var read = SweepWriter.ReadJson(path);
        Assert.Equal(result.SnapshotId, read.SnapshotId);
        Assert.Equal(result.Objective, read.Objective);
        Assert.Equal(result.Constraints, read.Constraints);
        Assert.Equal(result.BestIndex, read.BestIndex);
        Assert.Equal(result.Axes.Select(a => (a.Parameter, string.Join(",", a.Values))), read.Axes.Select(a => (a.Parameter, string.Join(",", a.Values))));
        Assert.Equal(result.Rows.Select(r => r.Metrics), read.Rows.Select(r => r.Metrics));
        Assert.Equal(result.Rows.Select(r => r.Parameters.ToString()), read.Rows.Select(r => r.Parameters.ToString()));
        Assert.Null(read.Rows[1].Metrics.SiblingConfusion);

        SweepWriter.Write(read, _dir.Path);
        Assert.Equal(first, File.ReadAllBytes(path));
        AssertSnakeCase(JsonNode.Parse(first)!, "parameters");
    }

    [Fact]
    public void ASweepFileOfTheEarlierWriterStillReads()
    {
        var path = Path.Combine(_dir.Path, "sweep.json");
        File.WriteAllText(path, OldSweepJson);

        var read = SweepWriter.ReadJson(path);

        Assert.Equal("0c537b88fc889856", read.SnapshotId);
        Assert.Equal(MetricKey.BcubedF1, read.Objective);
        Assert.Equal([new MetricConstraint(MetricKey.SiblingConfusion, 0.05, true)], read.Constraints);
        Assert.Equal(0, read.BestIndex);
        Assert.Equal(0.056346, read.PreparationSeconds);
        var row = Assert.Single(read.Rows);
        Assert.Equal("eps=0.4 minSamples=3", row.Parameters.ToString());
        Assert.Equal(0.6199227216586076, row.Metrics.Ari);
        Assert.Equal(1048, row.Metrics.Clusters);
        Assert.Null(row.Metrics.SiblingConfusion);
        Assert.True(row.SatisfiesConstraints);
    }

    [Fact]
    public void ABaselineOfTheEarlierWriterReadsAndWritesBackByteForByte()
    {
        var path = Path.Combine(_dir.Path, "old.json");
        var copy = Path.Combine(_dir.Path, "baseline.json");
        File.WriteAllText(path, OldBaselineJson.ReplaceLineEndings("\n") + "\n");

        var baseline = GateBaseline.Load(path);
        baseline.Save(copy);

        var entry = baseline.Suites["command-line"];
        Assert.Equal("test é+<x>", entry.Reason);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 21, 51, 46, TimeSpan.Zero).AddTicks(203842), entry.Created);
        Assert.Equal(["ari>=0.1", "bcubed_f1~0.01"], entry.Rules);
        Assert.Equal(File.ReadAllText(path), File.ReadAllText(copy));
        AssertSnakeCase(JsonNode.Parse(File.ReadAllText(copy))!, "suites", "parameters");

        // The committed one predates recorded rules: it reads, and writes back the same but for "rules": null.
        var committed = Path.Combine(RepoPaths.RepoRoot, "reports", "baseline.json");
        GateBaseline.Load(committed).Save(copy);
        Assert.Equal(File.ReadAllText(committed), File.ReadAllText(copy).Replace(",\n      \"rules\": null", ""));
    }

    [Fact]
    public void AGateResultReadsBackAndWritesTheSameBytes()
    {
        var path = Path.Combine(_dir.Path, "gate.json");
        File.WriteAllText(path, OldGateJson);

        var read = GateJsonWriter.Read(path);
        Assert.False(read.Passed);
        var suite = Assert.Single(read.Suites);
        Assert.Equal(["eps 0.5 -> 0.45"], suite.ChangesFromBaseline);
        Assert.Equal(0.0007942811755361397, suite.Metrics["sibling_confusion"]);
        Assert.Null(suite.Metrics["ari"]);
        Assert.Equal("ari>=0.1", suite.Checks[0].Rule);
        Assert.Null(suite.Checks[0].Baseline);

        var again = Path.Combine(_dir.Path, "again.json");
        System.IO.File.WriteAllBytes(again, JsonSerializer.SerializeToUtf8Bytes(read, FaceEval.Core.IO.FormatJson.Indented.GateResultJson));
        Assert.Equal(OldGateJson.ReplaceLineEndings("\n"), File.ReadAllText(again));
    }

    /// <summary>Every property name is snake_case, except the names inside the maps <paramref name="maps"/> (file paths, parameter and suite names).</summary>
    private static void AssertSnakeCase(JsonNode node, params string[] maps)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    Assert.Matches("^[a-z][a-z0-9_]*$", key);
                    if (value is JsonObject map && maps.Contains(key))
                    {
                        foreach (var (_, inner) in map)
                        {
                            if (inner is not null)
                            {
                                AssertSnakeCase(inner, maps);
                            }
                        }
                    }
                    else if (value is not null)
                    {
                        AssertSnakeCase(value, maps);
                    }
                }

                break;
            case JsonArray a:
                foreach (var item in a.OfType<JsonNode>())
                {
                    AssertSnakeCase(item, maps);
                }

                break;
        }
    }

    private static SweepResult Sweep()
    {
        var specs = AlgorithmCatalog.Get(AlgorithmKind.Dbscan).Parameters;
        ParameterSet Eps(string eps) => ParameterSet.Create("dbscan", specs, [new KeyValuePair<string, string>("eps", eps)]);
        var rows = new[]
        {
            new SweepRow(Eps("0.3"), ClusteringScorer.Score([0, 0, 1, 1, 2], [3, 3, 3, -1, 4], LookalikePairs.FromIndexPairs([(0, 1)])), 0.1234567891, true),
            new SweepRow(Eps("0.4"), ClusteringScorer.Score([0, 0, 1, 1], [0, 1, 0, 1]), 1e-7, false),
        };
        return new SweepResult("0123456789abcdef", "synthetic", "dbscan", [new SweepAxis("eps", ["0.3", "0.4"])], MetricKey.BcubedF1,
            [new MetricConstraint(MetricKey.SiblingConfusion, 0.05, true), new MetricConstraint(MetricKey.Ari, -0.5, false)], rows, 0, 0.5, 2.25);
    }

    private const string OldSweepJson = """
        {
          "kind": "sweep",
          "snapshot": "0c537b88fc889856",
          "model": "synthetic",
          "algorithm": "dbscan",
          "objective": "bcubed_f1",
          "constraints": [
            {
              "metric": "sibling_confusion",
              "bound": "max",
              "value": 0.05
            }
          ],
          "axes": [
            {
              "parameter": "eps",
              "values": [
                "0.4"
              ]
            }
          ],
          "best": 0,
          "preparation_seconds": 0.056346,
          "total_seconds": 0.185239,
          "rows": [
            {
              "parameters": {
                "eps": "0.4",
                "minSamples": "3"
              },
              "metrics": {
                "ari": 0.6199227216586076,
                "ami": 0.7110611436967764,
                "nmi": 0.8816683560476681,
                "fmi": 0.6490474127069588,
                "pairwise_precision": 0.9982102908277405,
                "pairwise_recall": 0.4219967758613339,
                "pairwise_f1": 0.5932266142899042,
                "bcubed_precision": 0.9975739196352223,
                "bcubed_recall": 0.4810815003434536,
                "bcubed_f1": 0.6433016825305623,
                "homogeneity": 0.9993574453012563,
                "completeness": 0.7887808606034733,
                "v_measure": 0.8816683560476681,
                "clusters": 1048,
                "unassigned": 676,
                "unassigned_rate": 0.37286265857694427,
                "largest_cluster_share": 0.02206287920573635,
                "sibling_confusion": null,
                "scored": 1813
              },
              "seconds": 0.042271,
              "satisfies_constraints": true
            }
          ]
        }
        """;

    private const string OldBaselineJson = """
        {
          "format_version": 1,
          "suites": {
            "command-line": {
              "snapshot_id": "0c537b88fc889856",
              "model": "synthetic",
              "algorithm": "dbscan",
              "parameters": {
                "eps": "0.5",
                "minSamples": "3"
              },
              "repeats": 1,
              "face_eval_version": "0.1.0+ddb6e05b39346dd2d5656f219efe011a6bda2c77",
              "commit": "ddb6e05b39346dd2d5656f219efe011a6bda2c77",
              "created": "2026-12-01T21:51:46.0203842+00:00",
              "reason": "test é+<x>",
              "metrics": {
                "ari": 0.6199227216586076,
                "clusters": 106,
                "sibling_confusion": null,
                "scored": 1813
              },
              "rules": [
                "ari>=0.1",
                "bcubed_f1~0.01"
              ]
            }
          }
        }
        """;

    private const string OldGateJson = """
        {
          "passed": false,
          "suites": [
            {
              "name": "command-line",
              "passed": false,
              "snapshot": "0c537b88fc889856",
              "model": "synthetic",
              "algorithm": "dbscan",
              "repeats": 1,
              "seed": 42,
              "parameters": {
                "eps": "0.45",
                "minSamples": "3"
              },
              "changes_from_baseline": [
                "eps 0.5 -\u003E 0.45"
              ],
              "metrics": {
                "ari": null,
                "sibling_confusion": 0.0007942811755361397,
                "scored": 1813
              },
              "checks": [
                {
                  "rule": "ari\u003E=0.1",
                  "metric": "ari",
                  "baseline": null,
                  "now": 0.38970016768660526,
                  "delta": null,
                  "passed": true,
                  "message": "command-line: ari 0.3897 \u003E= 0.1000"
                }
              ]
            }
          ]
        }
        """;
}
