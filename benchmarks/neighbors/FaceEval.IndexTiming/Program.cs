// USearch HNSW against our exact KnnGraph.Build on one .npy of embeddings (benchmarks/neighbors/side_by_side.sh
// runs it next to faiss and hnswlib): times the exact k-nearest graph, then for each connectivity and
// expansion-add the HNSW build, and for each expansion-search the query of every face for k + 1 neighbours,
// with recall@k against the exact lists on a seeded sample of faces. One line per measurement on stdout.
using System.Globalization;
using Cloud.Unum.USearch;
using FaceEval.Core.Embeddings;
using FaceEval.Core.Errors;
using FaceEval.Core.Neighbors;
using FaceEval.Core.Numpy;
using FaceEval.IndexTiming;

try
{
    var options = TimingOptions.Parse(args);
    Run(options);
    return 0;
}
catch (FaceEvalException e)
{
    Console.Error.WriteLine(e.Kind == ErrorKind.Usage
        ? $"FaceEval.IndexTiming: {e.Message}; {TimingOptions.Usage}"
        : $"FaceEval.IndexTiming: {e.Message}");

    return (int)e.Kind;
}
catch (USearchException e)
{
    Console.Error.WriteLine($"FaceEval.IndexTiming: usearch: {e.Message}");
    return (int)ErrorKind.NativeRuntime;
}

static void Run(TimingOptions options)
{
    var npy = NpyReader.Read(options.NpyPath);
    if (npy.Rows <= options.K)
    {
        throw new FaceEvalException(ErrorKind.InvalidData, $"{options.NpyPath}: {npy.Rows} rows, need more than k = {options.K}");
    }

    var embeddings = EmbeddingMatrix.FromRowMajor(npy.Data, npy.Rows, npy.Columns);
    var k = options.K;
    Console.WriteLine(Invariant($"vectors {embeddings.Count} x {embeddings.Dimension}, k {k}, threads {options.Threads}, usearch {USearchCapabilities.Version()}"));

    KnnGraph exact = null!;
    var (exactSeconds, exactCpu) = HnswGraph.Seconds(() => exact = KnnGraph.Build(embeddings, k));
    Console.WriteLine(Invariant($"exact KnnGraph.Build: build {exactSeconds:F3} s, cpu {exactCpu:F3} s"));

    var sample = Sample(embeddings.Count, Math.Min(options.Sample, embeddings.Count), options.Seed);
    var rows = HnswGraph.Rows(embeddings);
    foreach (var m in options.Connectivity)
    {
        foreach (var expansionAdd in options.ExpansionAdd)
        {
            USearchIndex index = null!;
            var (build, buildCpu) = HnswGraph.Seconds(() => index = HnswGraph.Build(rows, options.Metric, m, expansionAdd, options.Threads));
            using (index)
            {
                Console.WriteLine($"usearch M={m} ef_add={expansionAdd}: simd {index.HardwareAcceleration()}");
                foreach (var expansionSearch in options.ExpansionSearch)
                {
                    UsearchNative.SetExpansionSearch(index, expansionSearch);
                    int[] found = null!;
                    var (query, queryCpu) = HnswGraph.Seconds(() => found = HnswGraph.QueryAll(index, rows, k, options.Threads));
                    var recall = Recall(exact, found, sample);
                    var metric = options.Metric.ToString().ToLowerInvariant();
                    var written = "";
                    if (options.IdsOut is { } folder)
                    {
                        // side_by_side.py scores these lists on the same faces and truth as every other row.
                        var path = Path.Combine(folder, Invariant($"usearch-{metric}-M{m}-efa{expansionAdd}-efs{expansionSearch}.npy"));
                        using (var stream = File.Create(path))
                        {
                            NpyWriter.Write(stream, found, embeddings.Count, k);
                        }

                        written = $", ids {path}";
                    }

                    Console.WriteLine(Invariant(
                        $"usearch metric={metric} M={m} ef_add={expansionAdd} ef_search={expansionSearch}: build {build:F3} s, query {query:F3} s, recall@{k} {recall:F4}, cpu build {buildCpu:F3} s query {queryCpu:F3} s{written}"));
                    if (recall >= options.StopAtRecall)
                    {
                        // The expansion-search list ascends: a larger one costs more for no new equal-recall point.
                        break;
                    }
                }
            }
        }
    }
}

static double Recall(KnnGraph exact, int[] found, int[] sample)
{
    var k = exact.K;
    long hits = 0;
    foreach (var i in sample)
    {
        var truth = exact.Neighbors(i);
        var got = found.AsSpan(i * k, k);
        foreach (var j in got)
        {
            if (j >= 0 && truth.Contains(j))
            {
                hits++;
            }
        }
    }

    return (double)hits / ((long)sample.Length * k);
}

static int[] Sample(int n, int count, int seed)
{
    var order = Enumerable.Range(0, n).ToArray();
    new Random(seed).Shuffle(order);
    return order[..count];
}

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
