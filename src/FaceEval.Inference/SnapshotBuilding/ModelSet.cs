using FaceEval.Inference.Detection;
using FaceEval.Inference.Embedding;
using FaceEval.Inference.Models;
using FaceEval.Inference.Runtime;

namespace FaceEval.Inference.SnapshotBuilding;

/// <summary>
/// One detector and the embedders of a run, each one ONNX Runtime session for all images. Sessions
/// use one intra-op thread: the pipeline gets its parallelism from running images side by side
/// (decode + detect on worker threads while the embedders run on another), which keeps both cores
/// busy with less synchronisation than splitting every operator.
/// </summary>
public sealed class ModelSet : IDisposable
{
    private readonly List<IDisposable> _owned;

    private ModelSet(IFaceFinder? finder, IReadOnlyList<ICropEmbedder> embedders, List<IDisposable> owned)
    {
        Finder = finder;
        Embedders = embedders;
        _owned = owned;
    }

    /// <summary>Null when the set was opened without a detector.</summary>
    public IFaceFinder? Finder { get; }

    public IReadOnlyList<ICropEmbedder> Embedders { get; }

    /// <param name="detector">Detector name, or null for embedders only.</param>
    public static ModelSet Open(ModelCatalog catalog, string? detector, IReadOnlyList<string> embedders, ComputeDevice device = default,
        DetectorOptions? detectorOptions = null, int batchSize = 16)
    {
        // Unknown names fail before the (slow) native library is loaded.
        var detectorSpec = detector is null ? null : catalog.Get(detector, ModelKind.Detector);
        var embedderSpecs = embedders.Select(e => catalog.Get(e, ModelKind.Embedder)).ToArray();
        var runtime = OrtRuntime.Load();
        var settings = new SessionSettings(IntraOpThreads: 1, Device: device);
        var owned = new List<IDisposable>();
        try
        {
            IFaceFinder? finder = null;
            if (detectorSpec is not null)
            {
                var d = new FaceDetector(runtime, detectorSpec, catalog.PathOf(detectorSpec), settings, detectorOptions);
                owned.Add(d);
                finder = new DetectorFinder(d);
            }

            var list = new List<ICropEmbedder>();
            foreach (var spec in embedderSpecs)
            {
                var e = new FaceEmbedder(runtime, spec, catalog.PathOf(spec), settings, batchSize);
                owned.Add(e);
                list.Add(new ModelEmbedder(e, catalog.TemplateFor(spec)));
            }

            return new ModelSet(finder, list, owned);
        }
        catch
        {
            owned.ForEach(o => o.Dispose());
            throw;
        }
    }

    public void Dispose() => _owned.ForEach(o => o.Dispose());
}
