using System.Text.Json.Nodes;

namespace Flick.Local.StateMachine;

/// <summary>
/// An error with a States Language name and cause, as a state reports it. A task invoker may throw it
/// to choose the error name itself (a service integration does, e.g. <c>EventBridge.FailedEntry</c>);
/// any other exception from an invoker becomes an error named after the exception type, as Lambda's
/// .NET runtime reports <c>errorType</c>.
/// </summary>
public sealed class StatesErrorException : Exception
{
    public StatesErrorException(string error, string? cause)
        : base(cause is null ? error : $"{error}: {cause}")
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
        Cause = cause;
    }

    public string Error { get; }

    public string? Cause { get; }

    /// <summary>The error output a catcher places at its ResultPath: <c>{"Error","Cause"}</c>.</summary>
    public JsonObject ToErrorOutput()
    {
        // The error output's fields carry the same names as these properties.
        var output = new JsonObject { [nameof(Error)] = Error };
        if (Cause is not null)
        {
            output[nameof(Cause)] = Cause;
        }

        return output;
    }

    internal static StatesErrorException Runtime(string cause) => new(StatesErrors.Runtime, cause);
}
