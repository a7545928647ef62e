namespace FaceEval.Inference.Layouts;

/// <summary>One image file to process.</summary>
/// <param name="File">Path relative to the images folder, '/' separated.</param>
/// <param name="Photo">Key of the photo it shows (files cut from one photo share it).</param>
/// <param name="Person">The person it is labelled with, or null (distractors, unlabelled images).</param>
/// <param name="Family">FIW family id, or null.</param>
public sealed record PhotoEntry(string File, string Photo, string? Person, string? Family);
