namespace FaceEval.Inference.Layouts;

/// <summary>How a photo folder says who is in each image.</summary>
public enum LayoutKind
{
    /// <summary>&lt;person&gt;/**/image: the first folder level names the person; images at the top are unlabelled.</summary>
    Folders,

    /// <summary>As <see cref="Folders"/>, plus relations from <c>relatives.csv</c> at the top.</summary>
    Lfw,

    /// <summary>Families In the Wild: &lt;FID&gt;/MID&lt;n&gt;/P#####_faceN.jpg, relations from each &lt;FID&gt;/mid.csv.</summary>
    Fiw,
}
