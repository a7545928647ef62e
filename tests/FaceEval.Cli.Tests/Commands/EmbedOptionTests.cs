using FaceEval.Cli.Tests.Inference;
using FaceEval.Core.Snapshots;

namespace FaceEval.Cli.Tests.Commands;

/// <summary>
/// <c>embed</c>'s options (--snapshot, --model, --out, --device) either take effect or end the command
/// with one line and a distinct exit code, and nothing is written then.
/// </summary>
public sealed class EmbedOptionTests(DemoLibrary demo) : IClassFixture<DemoLibrary>
{
    [Theory]
    [InlineData(2, "--device", "gpu", "unknown device 'gpu'")]
    [InlineData(6, "--model", "yunet", "unknown embedder 'yunet'")]
    [InlineData(6, "--model", "nosuch", "nosuch")]
    public void A_bad_device_or_model_is_refused_before_anything_is_written(int exit, string option, string value, string said)
    {
        var output = demo.Path_("never-" + Guid.NewGuid().ToString("N"));
        string[] args = option == "--model"
            ? ["embed", "--snapshot", demo.Snapshot, "--model", value, "--out", output]
            : ["embed", "--snapshot", demo.Snapshot, "--model", "fr_feature", option, value, "--out", output];
        var before = Listing();
        var (code, stdout, stderr) = CliProcess.Run(args);
        Assert.True(code == exit, $"exit {code}: {stdout}{stderr}");
        var line = Assert.Single(stderr.Trim().Split('\n'));
        Assert.Contains(said, line, StringComparison.Ordinal);
        Assert.Equal(before, Listing());
    }

    [Fact]
    public void A_snapshot_without_crops_is_invalid_data_and_nothing_is_written()
    {
        var output = demo.Path_("never-" + Guid.NewGuid().ToString("N"));
        var before = Listing();
        var (code, _, stderr) = CliProcess.Run("embed", "--snapshot", demo.Snapshot, "--model", "fr_feature", "--out", output);
        Assert.True(code == 4, stderr);
        Assert.Contains("no aligned crops", Assert.Single(stderr.Trim().Split('\n')), StringComparison.Ordinal);
        Assert.Equal(before, Listing());
    }

    /// <summary>On a real snapshot with crops: an existing --out and a model it already has are refused; a new one is added.</summary>
    [RealDataFact("yunet_s_dynamic.onnx", "arcface_w600k_mbf_int8.onnx", "faceplugin_fr_feature.onnx")]
    public void On_a_snapshot_with_crops_out_and_model_take_effect_or_are_refused()
    {
        var shared = RealDataFactAttribute.SharedDatasets()!;
        var photos = demo.Path_("photos");
        foreach (var person in new[] { "Colin_Powell", "Serena_Williams" })
        {
            Directory.CreateDirectory(Path.Combine(photos, person));
            var name = $"{person}_0001.jpg";
            File.CreateSymbolicLink(Path.Combine(photos, person, name), Path.Combine(shared, "lfw", person, name));
        }

        var snapshot = demo.Path_("with-crops");
        var create = CliProcess.Run("snapshot", "create", "--images", photos, "--layout", "lfw", "--out", snapshot);
        Assert.True(create.ExitCode == 0, create.Stderr);

        var existing = demo.Path_("existing");
        Directory.CreateDirectory(existing);
        File.WriteAllText(Path.Combine(existing, "keep.txt"), "mine");
        foreach (var (exit, model, output) in new[] { (9, "fr_feature", existing), (9, "fr_feature", snapshot), (2, "arcface_w600k_mbf_int8", demo.Path_("never")) })
        {
            var before = Listing();
            var refused = CliProcess.Run("embed", "--snapshot", snapshot, "--model", model, "--out", output, "--device", "cpu");
            Assert.True(refused.ExitCode == exit, $"{model} to {output}: exit {refused.ExitCode}: {refused.Stderr}");
            Assert.Single(refused.Stderr.Trim().Split('\n'));
            Assert.Equal(before, Listing());
        }

        var added = demo.Path_("added");
        var embed = CliProcess.Run("embed", "--snapshot", snapshot, "--model", "fr_feature", "--out", added, "--device", "cpu");
        Assert.True(embed.ExitCode == 0, embed.Stderr);
        var child = Snapshot.Load(added);
        Assert.Equal(Snapshot.Load(snapshot).Id, child.Manifest.Parent);
        Assert.Equal(["arcface_w600k_mbf_int8", "fr_feature"], child.Models);
    }

    private string[] Listing() =>
        Directory.EnumerateFileSystemEntries(demo.Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
}
