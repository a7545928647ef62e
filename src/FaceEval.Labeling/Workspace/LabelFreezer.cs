using System.Globalization;
using FaceEval.Core.Errors;
using FaceEval.Core.Snapshots;
using FaceEval.Labeling.Editing;

namespace FaceEval.Labeling.Workspace;

/// <summary>
/// Freezes a work directory into a new snapshot: the parent's faces, embeddings and crops with every
/// edit applied to the person column. The manifest names the parent and the number of edits in effect
/// (its <c>source</c> text repeats them with the journal's length). Relations follow renames and merges;
/// relations naming a person left without faces are dropped, as are ones a merge turned into self-relations.
/// </summary>
public static class LabelFreezer
{
    public static Snapshot Freeze(string workDirectory, string outDirectory, CancellationToken cancellation = default)
    {
        using var session = LabelWorkspace.OpenReadOnly(workDirectory, new LabelOptions());
        var snapshot = session.Snapshot;
        var labels = session.State.Labels();
        var state = session.State;
        var source = string.Create(CultureInfo.InvariantCulture,
            $"faceeval label freeze: {state.EditCount} edits ({state.JournalEntries} journal entries) to {snapshot.Id} with model {session.Model}");
        var content = snapshot.ToContent(source);
        var personColumn = snapshot.FaceColumns.ToList().IndexOf(SnapshotLayout.PersonColumn);
        var rows = content.FaceRows.Select((row, i) =>
        {
            var copy = row.ToArray();
            copy[personColumn] = labels[i] ?? "";
            return (IReadOnlyList<string>)copy;
        }).ToArray();

        // A person keeps its identity through renames and merges.
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var p = 0; p < snapshot.People.Count; p++)
        {
            if (state.Successor(p) is { } now)
            {
                renamed[snapshot.People[p]] = now;
            }
        }

        var present = labels.OfType<string>().ToHashSet(StringComparer.Ordinal);
        var relations = snapshot.Relations
            .Select(r => new Relation(renamed.GetValueOrDefault(r.PersonA, r.PersonA), renamed.GetValueOrDefault(r.PersonB, r.PersonB), r.Type))
            .Where(r => r.PersonA != r.PersonB && present.Contains(r.PersonA) && present.Contains(r.PersonB))
            .Distinct()
            .ToArray();
        RefuseUnchanged(snapshot, labels, relations, state.EditCount, state.JournalEntries);
        return SnapshotWriter.Write(content with { FaceRows = rows, Relations = relations, Edits = state.EditCount }, outDirectory, cancellation);
    }

    /// <summary>
    /// Snapshot ids are the hash of the files, so labels and relations as in the parent would write the
    /// parent's own files again: a "child" whose parent is itself. That happens with no edit at all, and
    /// also with edits that change no label (accepting faces, moving one and back).
    /// </summary>
    private static void RefuseUnchanged(Snapshot parent, IReadOnlyList<string?> labels, Relation[] relations, int edits, int entries)
    {
        var sameLabels = labels.Count == parent.Faces.Count
            && labels.Select((label, i) => string.Equals(label, parent.Faces[i].Person, StringComparison.Ordinal)).All(same => same);
        if (sameLabels && relations.SequenceEqual(parent.Relations))
        {
            throw new FaceEvalException(ErrorKind.InvalidData, string.Create(CultureInfo.InvariantCulture,
                $"no edits to freeze: the snapshot would be identical to {parent.Id} ({edits} edits in effect, {entries} journal entries, no label changed)"));
        }
    }
}
