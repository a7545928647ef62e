using System.CommandLine;
using FaceEval.Inference.Detection;
using FaceEval.Inference.Models;
using FaceEval.Inference.Runtime;

namespace FaceEval.Cli.Commands;

/// <summary>Options shared by the commands that run models: device and detector thresholds.</summary>
internal sealed class InferenceOptions
{
    private readonly Option<string> _device = new("--device") { HelpName = "cpu|cuda[:N]", Description = "Where models run.", DefaultValueFactory = _ => "cpu" };
    private readonly Option<float> _detScore = new("--det-score") { Description = "Detector score threshold (0..1).", DefaultValueFactory = _ => DetectorOptions.Default.ScoreThreshold };
    private readonly Option<float> _nms = new("--nms") { Description = "Detector NMS IoU threshold (0..1).", DefaultValueFactory = _ => DetectorOptions.Default.NmsThreshold };
    private readonly Option<int> _maxSide = new("--max-side") { Description = "Images are shrunk to this longest side (pixels) before a dynamic-size detector sees them (not for fixed-size detectors).", DefaultValueFactory = _ => DetectorOptions.Default.MaxSide };

    public void AddTo(Command command, bool detector)
    {
        command.Options.Add(_device);
        if (detector)
        {
            command.Options.Add(_detScore);
            command.Options.Add(_nms);
            command.Options.Add(_maxSide);
        }
    }

    public ComputeDevice Device(ParseResult parse) => ComputeDevice.Parse(parse.GetValue(_device) ?? "cpu");

    /// <summary>The detector thresholds; --max-side is refused for a detector that always sees its fixed input size.</summary>
    public DetectorOptions Detector(ParseResult parse, string detector)
    {
        if (parse.IsGiven(_maxSide) && !ModelCatalog.Load().Get(detector, ModelKind.Detector).Input.DynamicSize)
        {
            parse.Refuse($"with {detector}: it has a fixed input size, every photo is fitted into it", _maxSide);
        }

        return new(parse.GetValue(_detScore), parse.GetValue(_nms), parse.GetValue(_maxSide));
    }
}
