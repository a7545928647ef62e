using FaceEval.Core.Errors;
using FaceEval.Imaging;
using FaceEval.Inference.Embedding;
using FaceEval.Inference.Models;
using FaceEval.Inference.Runtime;

namespace FaceEval.Inference.Detection;

/// <summary>
/// Finds faces with one detector model (one session reused for every image): resize to the model's
/// scale, pad to its size, run, decode by the model's family (YuNet, SCRFD, RetinaFace, UltraFace),
/// score threshold, NMS, back to image pixels. Box-only families get their five landmarks from the
/// landmark model models.json names for them.
/// </summary>
public sealed class FaceDetector : IDisposable
{
    private readonly InferenceSession _session;
    private readonly int[] _outputOrder;
    private readonly Landmarks68? _landmarks;

    /// <summary>A detector with its own landmarks; box-only families need the overload with a landmark model (or <see cref="Open"/>).</summary>
    public FaceDetector(OrtRuntime runtime, ModelSpec spec, string modelPath, SessionSettings? settings = null, DetectorOptions? options = null)
        : this(runtime, spec, modelPath, null, null, settings, options)
    {
    }

    public FaceDetector(OrtRuntime runtime, ModelSpec spec, string modelPath, ModelSpec? landmarkSpec, string? landmarkModelPath,
        SessionSettings? settings = null, DetectorOptions? options = null)
    {
        Options = options ?? DetectorOptions.Default;
        Options.Validate();
        if (spec.Kind != ModelKind.Detector || spec.Family is null)
        {
            throw new FaceEvalException(ErrorKind.Usage, $"'{spec.Name}' is not a detector");
        }

        var needsLandmarks = spec.Family == DetectorFamily.UltraFace;
        if (needsLandmarks && (landmarkSpec is null || landmarkModelPath is null))
        {
            throw new FaceEvalException(ErrorKind.Usage, $"detector '{spec.Name}' finds boxes only and needs its landmark model '{spec.LandmarkModel}'");
        }

        Spec = spec;
        _session = runtime.CreateSession(modelPath, settings);
        try
        {
            _outputOrder = spec.Outputs.Select(name => _session.OutputIndex(name, spec.Name)).ToArray();
            if (needsLandmarks)
            {
                _landmarks = new Landmarks68(runtime, landmarkSpec!, landmarkModelPath!, settings);
            }
        }
        catch
        {
            _session.Dispose();
            throw;
        }
    }

    public ModelSpec Spec { get; }

    public DetectorOptions Options { get; }

    public static FaceDetector Open(OrtRuntime runtime, ModelCatalog catalog, string modelName, SessionSettings? settings = null, DetectorOptions? options = null)
    {
        var spec = catalog.Get(modelName, ModelKind.Detector);
        var landmarkSpec = spec.LandmarkModel is { } lm ? catalog.Get(lm, ModelKind.Landmarks) : null;
        return new FaceDetector(runtime, spec, catalog.PathOf(spec), landmarkSpec, landmarkSpec is null ? null : catalog.PathOf(landmarkSpec), settings, options);
    }

    /// <summary>Faces in image pixels, best score first.</summary>
    public IReadOnlyList<DetectedFace> Detect(RgbImage image)
    {
        var input = Spec.Input;

        // Dynamic models see the image at its own size (shrunk to MaxSide); fixed ones fit it into their
        // input, keeping its aspect, except UltraFace, which (like its package) is fed the image stretched.
        double scaleX, scaleY;
        if (input.DynamicSize)
        {
            scaleX = scaleY = Math.Min(1.0, (double)Options.MaxSide / Math.Max(image.Width, image.Height));
        }
        else if (Spec.Family == DetectorFamily.UltraFace)
        {
            scaleX = (double)input.Width / image.Width;
            scaleY = (double)input.Height / image.Height;
        }
        else
        {
            scaleX = scaleY = Math.Min((double)input.Width / image.Width, (double)input.Height / image.Height);
        }

        var resizedWidth = Math.Clamp((int)Math.Round(image.Width * scaleX), 1, input.DynamicSize ? int.MaxValue : input.Width);
        var resizedHeight = Math.Clamp((int)Math.Round(image.Height * scaleY), 1, input.DynamicSize ? int.MaxValue : input.Height);
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
        var faces = Spec.Family switch
        {
            DetectorFamily.Yunet => YunetDecoder.Decode(ordered, tensorWidth, tensorHeight, Options.ScoreThreshold),
            DetectorFamily.Scrfd => ScrfdDecoder.Decode(ordered, tensorWidth, tensorHeight, Options.ScoreThreshold),
            DetectorFamily.RetinaFace => RetinaFaceDecoder.Decode(ordered, tensorWidth, tensorHeight, Options.ScoreThreshold),
            DetectorFamily.UltraFace => UltraFaceDecoder.Decode(ordered, tensorWidth, tensorHeight, Options.ScoreThreshold),
            _ => throw new FaceEvalException(ErrorKind.Usage, $"detector '{Spec.Name}': unknown family {Spec.Family}"),
        };
        var kept = NonMaximumSuppression.Apply(faces, Options.NmsThreshold);

        // Back to image pixels; the scale is per axis because of rounding (and UltraFace's stretch).
        float kx = (float)image.Width / resizedWidth, ky = (float)image.Height / resizedHeight;
        var result = new List<DetectedFace>(kept.Count);
        foreach (var f in kept)
        {
            var face = new DetectedFace(f.X * kx, f.Y * ky, f.Width * kx, f.Height * ky, f.Score,
                f.Landmarks.Select((v, i) => i % 2 == 0 ? v * kx : v * ky).ToArray());
            if (_landmarks is not null)
            {
                if (_landmarks.FivePoints(image, face) is not { } points)
                {
                    continue;
                }

                face = face with { Landmarks = points };
            }

            result.Add(face);
        }

        return result;
    }

    public void Dispose()
    {
        _session.Dispose();
        _landmarks?.Dispose();
    }

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;
}
