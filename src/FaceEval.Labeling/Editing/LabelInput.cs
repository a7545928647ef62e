using FaceEval.Core.Embeddings;
using FaceEval.Core.Errors;
using FaceEval.Core.Snapshots;

namespace FaceEval.Labeling.Editing;

/// <summary>What a label state starts from: face ids, the people's labels, each face's person index (-1 = none) and the embeddings.</summary>
public sealed record LabelInput(IReadOnlyList<string> FaceIds, IReadOnlyList<string> People, int[] Persons, EmbeddingMatrix Embeddings)
{
    public static LabelInput From(Snapshot snapshot, string model)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var embeddings = snapshot.LoadEmbeddings(model);
        if (embeddings.Count != snapshot.Faces.Count)
        {
            throw new FaceEvalException(ErrorKind.DimensionMismatch, $"{embeddings.Count} embeddings for {snapshot.Faces.Count} faces");
        }

        return new LabelInput(snapshot.Faces.Select(f => f.Id).ToArray(), snapshot.People, snapshot.GroundTruth(), embeddings);
    }
}
