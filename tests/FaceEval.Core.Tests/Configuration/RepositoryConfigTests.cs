using FaceEval.Core.Algorithms;
using FaceEval.Core.Configuration;
using FaceEval.Core.Gates;
using FaceEval.Core.Metrics;
using FaceEval.Core.Sweeps;
using FaceEval.Core.Tests.TestData;

namespace FaceEval.Core.Tests.Configuration;

/// <summary>The committed eval.config.json must stay valid as algorithms and metrics evolve.</summary>
public class RepositoryConfigTests
{
    private static readonly EvalConfig Config = EvalConfig.Load(Path.Combine(RepoPaths.RepoRoot, EvalConfig.FileName));

    [Fact]
    public void EveryConfiguredParameterIsAValidSettingOfItsAlgorithm()
    {
        Assert.NotEmpty(Config.Algorithms);
        foreach (var name in Config.Algorithms.Keys)
        {
            var algorithm = AlgorithmCatalog.Get(AlgorithmNames.Parse(name));
            var set = ParameterSet.Create(name, algorithm.Parameters, Config.ParametersFor(name));
            Assert.Equal(algorithm.Parameters.Count, set.Values.Count());
        }
    }

    [Fact]
    public void EverySweepRangeIsValidForItsAlgorithm()
    {
        Assert.Contains("assignDistance", Config.Sweeps.Keys);
        foreach (var (parameter, sweep) in Config.Sweeps)
        {
            var algorithm = AlgorithmCatalog.Get(AlgorithmNames.Parse(sweep.Algorithm));
            var baseline = ParameterSet.Create(sweep.Algorithm, algorithm.Parameters, Config.ParametersFor(sweep.Algorithm));
            foreach (var value in sweep.Axis(parameter).Values)
            {
                baseline.With(parameter, value);
            }
        }

        Assert.Equal(50, Config.Sweeps["assignDistance"].Axis("assignDistance").Values.Count);
    }

    [Fact]
    public void ObjectiveBoundsAndGateSuitesParse()
    {
        MetricKeys.Parse(Config.Objective);
        Assert.All(Config.Max.Keys.Concat(Config.Min.Keys), k => MetricKeys.Parse(k));
        RelationTypeFilter.Parse(Config.RelationTypes);
        Assert.NotEmpty(Config.Gates.Suites);
        foreach (var suite in Config.Gates.Suites)
        {
            var parsed = GateSuite.FromConfig(suite, Config);
            ParameterSet.Create(suite.Algorithm, AlgorithmCatalog.Get(parsed.Run.Algorithm).Parameters, parsed.Run.Overrides);
        }
    }
}
