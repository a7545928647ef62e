using FaceEval.Core.Embeddings;

namespace FaceEval.Labeling.Editing.Nearest;

/// <summary>
/// The nearest-person index: the people's centroids with their search index
/// (<see cref="PersonCentroids"/>) and every face's nearest other person kept incrementally from them
/// (<see cref="NearestOthers"/>). Everything that asks "how far is this face from that person" or "who is
/// nearest" (views, queues, counts) asks it here, so the answers come from one set of centroids.
/// <para>It reads <c>assignment</c>, the edits' live array of each face's person (-1 = none), and must be
/// told of every change to it through <see cref="Move"/> before the next question: it never writes it.</para>
/// </summary>
internal sealed class NearestPeople
{
    private readonly PersonCentroids _centroids;
    private readonly NearestOthers _others;

    public NearestPeople(EmbeddingMatrix embeddings, int people, int[] assignment)
    {
        _centroids = new PersonCentroids(embeddings, people, assignment);
        _others = new NearestOthers(_centroids, assignment);
    }

    public int Faces(int person) => _centroids.Faces(person);

    /// <inheritdoc cref="PersonCentroids.Cohesion"/>
    public double Cohesion(int person) => _centroids.Cohesion(person);

    /// <inheritdoc cref="PersonCentroids.Distance"/>
    public double Distance(int face, int person) => _centroids.Distance(face, person);

    /// <summary>A new person without faces; its id is the next one.</summary>
    public void AddPerson() => _centroids.AddPerson();

    /// <summary>Face <paramref name="face"/> goes from <paramref name="from"/> to <paramref name="to"/> (-1 = none; they differ).</summary>
    public void Move(int face, int from, int to)
    {
        _others.FaceMoved(face, from, to);
        if (from >= 0)
        {
            _centroids.Remove(from, face);
        }

        if (to >= 0)
        {
            _centroids.Add(to, face);
        }
    }

    /// <inheritdoc cref="NearestOthers.PersonChanged"/>
    public void PersonChanged(int person) => _others.PersonChanged(person);

    /// <inheritdoc cref="NearestOthers.Refresh"/>
    public (int[] Best, double[] Distance, double[] Own) Others(bool[] usable) => _others.Refresh(usable);

    /// <inheritdoc cref="PersonCentroids.Nearest"/>
    public (int[] Person, double[] Distance) Nearest(IReadOnlyList<int> faces, int k, bool[] usable, int[]? excluded) =>
        _centroids.Nearest(faces, k, usable, excluded);
}
