namespace FaceEval.Labeling.Editing;

/// <summary>
/// One journal entry. People are referred to by their stable id (index in the state's people list),
/// faces by face id, so renames never change how earlier entries read.
/// </summary>
/// <param name="Person">Move: target; NewPerson: the id created; Rename: the person; Merge: the person merged away.</param>
/// <param name="Into">Merge: the person that receives the faces.</param>
/// <param name="Name">NewPerson: its fresh label; Rename: the new label.</param>
public sealed record LabelEdit(EditKind Kind, string? Face = null, int? Person = null, int? Into = null, string? Name = null);
