namespace FaceEval.Core.Algorithms;

/// <summary>
/// Where the two-pass graph form may differ from the full form (see <see cref="SparseLinkage"/>): per
/// pass, items whose k-th neighbour lies below the pass's threshold, and items in clusters that are not
/// cliques of the graph. Pass 1 counts faces; pass 2 counts pass-1 centroids. All zero: the full form's labels.
/// </summary>
public sealed record TwoPassGraphFidelity(int Pass1CutOff, int Pass1Partial, int Pass2CutOff, int Pass2Partial);
