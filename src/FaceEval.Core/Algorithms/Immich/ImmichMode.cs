namespace FaceEval.Core.Algorithms;

/// <summary>Which faces an Immich facial-recognition job queues.</summary>
public enum ImmichMode
{
    /// <summary>"All": forget every machine-made assignment (people without faces are deleted) and queue every face.</summary>
    Reset,

    /// <summary>"Missing": keep existing people and queue only faces without a person.</summary>
    Missing,
}
