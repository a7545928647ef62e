using FaceEval.Core.Errors;
using FaceEval.Inference.Embedding;
using FaceEval.Inference.Imaging;
using FaceEval.Inference.Models;
using FaceEval.Inference.Runtime;

namespace FaceEval.Inference.Detection;

/// <summary>
/// Finds faces with one detector model (one session reused for every image): resize to the model's
/// scale, pad to its size, run, decode, score threshold, NMS, back to image pixels.
/// Implemented families: YuNet. Other families in models.json are refused with a clear error.
/// </summary>
public sealed class FaceDetector : IDisposable
{
    private readonly InferenceSession _session;
    private readonly int[] _outputOrder;

    public FaceDetector(OrtRuntime runtime, ModelSpec spec, string modelPath, SessionSettings? settings = null, DetectorOptions? options = null)
    {
        Options = options ?? DetectorOptions.Default;
        Options.Validate();
        if (spec.Kind != ModelKind.Detector)
        {
            throw new FaceEvalException(ErrorKind.Usage, $"'{spec.Name}' is not a detector");
        }

        if (spec.Family != DetectorFamily.Yunet)
        {
            throw new FaceEvalException(ErrorKind.Usage, $"detector '{spec.Name}' ({spec.Family}) is declared but its decoder is not implemented yet; use yunet");
        }

        Spec = spec;
        _session = runtime.CreateSession(modelPath, settings);
        _outputOrder = spec.Outputs.Select(name =>
        {
            for (var i = 0; i < _session.Outputs.Count; i++)
            {
                if (_session.Outputs[i].Name == name)
                {
                    return i;
                }
            }

            throw new FaceEvalException(ErrorKind.InvalidData, $"{spec.Name}: the model has no output '{name}'");
        }).ToArray();
    }

    public ModelSpec Spec { get; }

    public DetectorOptions Options { get; }

    public static FaceDetector Open(OrtRuntime runtime, ModelCatalog catalog, string modelName, SessionSettings? settings = null, DetectorOptions? options = null)
    {
        var spec = catalog.Get(modelName, ModelKind.Detector);
        return new FaceDetector(runtime, spec, catalog.PathOf(spec), settings, options);
    }

    /// <summary>Faces in image pixels, best score first.</summary>
    public IReadOnlyList<DetectedFace> Detect(RgbImage image)
    {
        var input = Spec.Input;

        // Dynamic models see the image at its own size (shrunk to MaxSide); fixed ones fit it into their input.
        var scale = input.DynamicSize
            ? Math.Min(1.0, (double)Options.MaxSide / Math.Max(image.Width, image.Height))
            : Math.Min((double)input.Width / image.Width, (double)input.Height / image.Height);
        var resizedWidth = Math.Max(1, (int)Math.Round(image.Width * scale));
        var resizedHeight = Math.Max(1, (int)Math.Round(image.Height * scale));
        var resized = ImageResizer.Resize(image, resizedWidth, resizedHeight);
        int tensorWidth = input.Width, tensorHeight = input.Height;
        if (input.DynamicSize)
        {
            tensorWidth = RoundUp(resizedWidth, input.SizeMultiple);
            tensorHeight = RoundUp(resizedHeight, input.SizeMultiple);
        }

        var data = new float[input.ChannelCount * tensorWidth * tensorHeight];
        InputTensor.Write(resized, input, tensorWidth, tensorHeight, data);
        var raw = _session.Run(data, [1, input.ChannelCount, tensorHeight, tensorWidth], input.Name);
        var ordered = _outputOrder.Select(i => raw[i]).ToArray();
        var faces = YunetDecoder.Decode(ordered, tensorWidth, tensorHeight, Options.ScoreThreshold);
        var kept = NonMaximumSuppression.Apply(faces, Options.NmsThreshold);

        // Back to image pixels; the scale is per axis because of rounding.
        float kx = (float)image.Width / resizedWidth, ky = (float)image.Height / resizedHeight;
        return kept.Select(f => new DetectedFace(f.X * kx, f.Y * ky, f.Width * kx, f.Height * ky, f.Score,
            f.Landmarks.Select((v, i) => i % 2 == 0 ? v * kx : v * ky).ToArray())).ToList();
    }

    public void Dispose() => _session.Dispose();

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;
}
