namespace FaceEval.Reports.Tests.Browser;

/// <summary>The test classes that share one set of <see cref="GeneratedReports"/> (generated once).</summary>
[CollectionDefinition(Name)]
public sealed class GeneratedReportsCollection : ICollectionFixture<GeneratedReports>
{
    public const string Name = "generated reports";
}
