namespace Flick.Api.Http;

/// <summary>What a use case returns: a value, or the reason it refused.</summary>
public readonly record struct Outcome<T>(T? Value, ApiError? Error)
{
    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(ApiError error) => new(default, error);
}
