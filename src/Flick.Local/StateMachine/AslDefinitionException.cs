namespace Flick.Local.StateMachine;

/// <summary>A state machine definition this executor cannot run: invalid, or using a feature it does not implement.</summary>
public sealed class AslDefinitionException : Exception
{
    public AslDefinitionException(string message)
        : base(message)
    {
    }
}
