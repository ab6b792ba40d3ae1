using System.ComponentModel;

namespace Flick.Api.Caching;

/// <summary>
/// A read endpoint's answer as it goes on the wire: a status and the JSON body. It is immutable, so
/// the in-process level hands out the same instance without copying it.
/// </summary>
[ImmutableObject(true)]
public sealed class CachedAnswer(int status, ReadOnlyMemory<byte> body)
{
    public const string Json = "application/json; charset=utf-8";
    public const string ProblemJson = "application/problem+json; charset=utf-8";

    public int Status { get; } = status;

    public ReadOnlyMemory<byte> Body { get; } = body;

    public string ContentType => Status < 400 ? Json : ProblemJson;
}
