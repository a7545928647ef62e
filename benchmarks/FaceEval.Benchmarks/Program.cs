using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using FaceEval.Benchmarks;
using FaceEval.Benchmarks.SideBySide;

// --side-by-side: time each task once after a warm-up and print JSON (benchmarks/compare.sh reads it).
if (args.Length > 0 && args[0] == "--side-by-side")
{
    return SideBySideRunner.Run(args[1..]);
}

// In-process: BenchmarkDotNet 0.14 predates net10.0 and cannot generate a child project for it.
// ShortRun-like (one launch, three warm-ups, three iterations); classes whose operation takes
// seconds lower that further with their own attributes.
var config = DefaultConfig.Instance
    .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
if (!FiwSnapshot.Exists)
{
    Console.WriteLine($"AlgorithmBenchmarks, SweepBenchmarks, LabelingBenchmarks {FiwSnapshot.MissingMessage}");
    config = config.AddFilter(new SimpleFilter(b =>
        !b.Descriptor.Type.IsDefined(typeof(RequiresFiwSnapshotAttribute), inherit: false)));
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
return 0;
