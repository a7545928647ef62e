namespace FaceEval.Core.Algorithms;

/// <summary>How a graph edge votes in Chinese Whispers.</summary>
public enum EdgeWeight
{
    /// <summary>Every edge weighs 1 (dlib's <c>sample_pair</c> default).</summary>
    Unit,

    /// <summary>An edge weighs its cosine similarity, <c>1 - distance</c>.</summary>
    Similarity,
}
