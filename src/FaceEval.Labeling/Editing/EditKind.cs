namespace FaceEval.Labeling.Editing;

/// <summary>What one journal entry does.</summary>
public enum EditKind
{
    Move,
    NewPerson,
    Unassign,
    Accept,
    Undo,
    Rename,
    Merge,
}
