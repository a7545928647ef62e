namespace FaceEval.Core.Analysis;

/// <summary>
/// How tight one group of faces is (a ground-truth person or a predicted cluster).
/// </summary>
/// <param name="Group">Person or cluster index.</param>
/// <param name="Size">Faces in the group.</param>
/// <param name="PairwiseP90">90th percentile of the cosine distances between its faces (linear interpolation).</param>
/// <param name="People">Distinct ground-truth people among its labelled faces.</param>
/// <param name="MajorityShare">Share of its labelled faces that belong to its most frequent person (1 for a pure group; 0 with no labelled face).</param>
/// <param name="Representative">The face nearest the group's centroid.</param>
/// <param name="SampledPairs">True when the group was too large for all pairs and a seeded sample was used.</param>
public sealed record GroupCohesion(int Group, int Size, double PairwiseP90, int People, double MajorityShare, int Representative, bool SampledPairs)
{
    /// <summary>More than one true person: a wrong merge.</summary>
    public bool Polluted => People > 1;
}
