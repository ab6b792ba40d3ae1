using System.Text.Json.Serialization;

namespace Flick.Aws.Lambda;

/// <summary>The error document the Runtime API takes for an invocation error or an init error.</summary>
public sealed record LambdaError(
    [property: JsonPropertyName("errorMessage")] string ErrorMessage,
    [property: JsonPropertyName("errorType")] string ErrorType,
    [property: JsonPropertyName("stackTrace")] IReadOnlyList<string> StackTrace)
{
    /// <summary>Describes an exception: its type name, its message, and the frames of it and of its inner exceptions.</summary>
    public static LambdaError FromException(Exception exception, string? errorType = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new LambdaError(exception.Message, errorType ?? exception.GetType().Name, Frames(exception));
    }

    internal static List<string> Frames(Exception exception)
    {
        var frames = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (!ReferenceEquals(current, exception))
            {
                frames.Add($"---> {current.GetType().Name}: {current.Message}");
            }

            foreach (var line in (current.StackTrace ?? string.Empty).Split('\n'))
            {
                var frame = line.Trim();
                if (frame.Length > 0)
                {
                    frames.Add(frame);
                }
            }
        }

        return frames;
    }
}
