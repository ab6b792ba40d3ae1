namespace Flick.Local.StateMachine;

public enum DelayKind
{
    /// <summary>The backoff before a retry.</summary>
    Retry,

    /// <summary>A Wait state.</summary>
    Wait,
}
