using System.Numerics.Tensors;
using FaceEval.Core.Embeddings;
using FaceEval.Core.Errors;
using FaceEval.Imaging;
using FaceEval.Inference.Models;
using FaceEval.Inference.Runtime;

namespace FaceEval.Inference.Embedding;

/// <summary>
/// Embeds aligned face crops with one model: one session for all images, batches when the model's
/// batch dimension is dynamic and its outputs do not depend on the batch (one image per run
/// otherwise), rows L2-normalised.
/// </summary>
public sealed class FaceEmbedder : IDisposable
{
    private readonly InferenceSession _session;
    private readonly int _outputIndex;
    private readonly int _batchSize;

    public FaceEmbedder(OrtRuntime runtime, ModelSpec spec, string modelPath, SessionSettings? settings = null, int batchSize = 16)
    {
        if (spec.Kind != ModelKind.Embedder || spec.EmbeddingDimension is not { } dimension)
        {
            throw new FaceEvalException(ErrorKind.Usage, $"'{spec.Name}' is not an embedder");
        }

        if (batchSize < 1)
        {
            throw new FaceEvalException(ErrorKind.Usage, $"batch size must be positive, not {batchSize}");
        }

        Spec = spec;
        Dimension = dimension;
        _session = runtime.CreateSession(modelPath, settings);
        _batchSize = spec.Input.DynamicBatch && spec.Input.BatchInvariant ? batchSize : 1;
        _outputIndex = spec.Outputs.Length == 0 ? 0 : _session.OutputIndex(spec.Outputs[0], spec.Name);
    }

    public ModelSpec Spec { get; }

    public int Dimension { get; }

    public int Width => Spec.Input.Width;

    public int Height => Spec.Input.Height;

    /// <summary>Opens the named embedder of <paramref name="catalog"/>.</summary>
    public static FaceEmbedder Open(OrtRuntime runtime, ModelCatalog catalog, string modelName, SessionSettings? settings = null, int batchSize = 16)
    {
        var spec = catalog.Get(modelName, ModelKind.Embedder);
        return new FaceEmbedder(runtime, spec, catalog.PathOf(spec), settings, batchSize);
    }

    /// <summary>One L2-normalised embedding per crop, in order; crops must be Width x Height.</summary>
    public EmbeddingMatrix Embed(IReadOnlyList<RgbImage> crops, IProgress<int>? progress = null, CancellationToken cancellation = default)
    {
        var result = new float[crops.Count * Dimension];
        var channels = Spec.Input.ChannelCount;
        var perImage = channels * Width * Height;
        var buffer = new float[Math.Min(_batchSize, Math.Max(crops.Count, 1)) * perImage];
        for (var start = 0; start < crops.Count; start += _batchSize)
        {
            cancellation.ThrowIfCancellationRequested();
            var n = Math.Min(_batchSize, crops.Count - start);
            for (var i = 0; i < n; i++)
            {
                var crop = crops[start + i];
                if (crop.Width != Width || crop.Height != Height)
                {
                    throw new FaceEvalException(ErrorKind.DimensionMismatch, $"{Spec.Name} embeds {Width}x{Height} crops, got {crop.Width}x{crop.Height} (crop {start + i})");
                }

                InputTensor.Write(crop, Spec.Input, Width, Height, buffer.AsSpan(i * perImage, perImage));
            }

            long[] shape = Spec.Input.Layout == TensorLayout.Nchw ? [n, channels, Height, Width] : [n, Height, Width, channels];
            var output = _session.Run(buffer.AsSpan(0, n * perImage), shape, Spec.Input.Name)[_outputIndex];
            if (output.Data.Length != n * Dimension)
            {
                throw new FaceEvalException(ErrorKind.DimensionMismatch,
                    $"{Spec.Name} returned {output.Data.Length / n} values per face; models.json declares {Dimension}");
            }

            for (var i = 0; i < n; i++)
            {
                var row = output.Data.AsSpan(i * Dimension, Dimension);
                var norm = TensorPrimitives.Norm(row);
                if (!(norm > 0) || !float.IsFinite(norm))
                {
                    throw new FaceEvalException(ErrorKind.InvalidData, $"{Spec.Name} produced a zero or non-finite embedding for crop {start + i}");
                }

                TensorPrimitives.Divide(row, norm, result.AsSpan((start + i) * Dimension, Dimension));
            }

            progress?.Report(start + n);
        }

        return EmbeddingMatrix.FromRowMajor(result, crops.Count, Dimension);
    }

    public void Dispose() => _session.Dispose();
}
