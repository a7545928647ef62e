using FaceEval.Core.Errors;
using FaceEval.Imaging;
using FaceEval.Inference.Embedding;
using FaceEval.Inference.Models;
using FaceEval.Inference.Runtime;

namespace FaceEval.Inference.Detection;

/// <summary>
/// The 68-point landmark model that completes box-only detectors (faceplugin fr_landmark), reduced to
/// the five alignment points. The crop follows the package's lib/fr_landmark.js: a square of the box's
/// height around the box centre, clipped to the image, corners truncated to whole pixels, resized to
/// 64x64 grey, pixel / 256; outputs are 0..1 of that crop.
/// </summary>
internal sealed class Landmarks68 : IDisposable
{
    private const int PointCount = 68;

    private readonly InferenceSession _session;
    private readonly ModelSpec _spec;
    private readonly int _outputIndex;

    public Landmarks68(OrtRuntime runtime, ModelSpec spec, string modelPath, SessionSettings? settings)
    {
        if (spec.Kind != ModelKind.Landmarks)
        {
            throw new FaceEvalException(ErrorKind.Usage, $"'{spec.Name}' is not a landmarks model");
        }

        _spec = spec;
        _session = runtime.CreateSession(modelPath, settings);
        _outputIndex = spec.Outputs.Length == 0 ? 0 : _session.OutputIndex(spec.Outputs[0], spec.Name);
    }

    /// <summary>Five landmarks (image pixels) of the face in <paramref name="box"/>; null when the crop is empty.</summary>
    public float[]? FivePoints(RgbImage image, DetectedFace box)
    {
        // Square of the box height around its centre, clipped to the image; the reference clips to W-1/H-1.
        var side = box.Height;
        var x1 = Math.Max(box.CenterX - side / 2, 0);
        var y1 = Math.Max(box.CenterY - side / 2, 0);
        var x2 = Math.Min(box.CenterX + side / 2, image.Width - 1);
        var y2 = Math.Min(box.CenterY + side / 2, image.Height - 1);
        int left = (int)x1, top = (int)y1, width = (int)x2 - left, height = (int)y2 - top;
        if (width < 1 || height < 1)
        {
            return null;
        }

        // A buffer per call: detectors run on several threads at once and share this model.
        var input = new float[_spec.Input.ChannelCount * _spec.Input.Width * _spec.Input.Height];
        var crop = ImageResizer.Resize(image.Crop(left, top, width, height), _spec.Input.Width, _spec.Input.Height);
        InputTensor.Write(crop, _spec.Input, _spec.Input.Width, _spec.Input.Height, input);
        var points = _session.Run(input, [1, _spec.Input.ChannelCount, _spec.Input.Height, _spec.Input.Width], _spec.Input.Name)[_outputIndex].Data;
        if (points.Length != 2 * PointCount)
        {
            throw new FaceEvalException(ErrorKind.InvalidData, $"{_spec.Name} returned {points.Length} values; 68 points need 136");
        }

        float X(int i) => points[2 * i] * width + left;
        float Y(int i) => points[2 * i + 1] * height + top;

        // 68-point (iBUG) layout: 36-41 image-left eye, 42-47 image-right eye, 30 nose tip, 48/54 mouth corners.
        var five = new float[10];
        for (var i = 0; i < 6; i++)
        {
            five[0] += X(36 + i) / 6;
            five[1] += Y(36 + i) / 6;
            five[2] += X(42 + i) / 6;
            five[3] += Y(42 + i) / 6;
        }

        (five[4], five[5]) = (X(30), Y(30));
        (five[6], five[7]) = (X(48), Y(48));
        (five[8], five[9]) = (X(54), Y(54));
        return five;
    }

    public void Dispose() => _session.Dispose();
}
