using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Flick.Api.Http;

namespace Flick.Api.Caching;

/// <summary>Turns a use case's result into the bytes the cache keeps and the client receives.</summary>
public static class Answers
{
    public static CachedAnswer Ok<T>(T value, JsonTypeInfo<T> typeInfo) =>
        new(StatusCodes.Status200OK, JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));

    public static CachedAnswer Problem(ApiError error) =>
        new(error?.Status ?? StatusCodes.Status500InternalServerError, JsonSerializer.SerializeToUtf8Bytes(ProblemBody.From(error!), ApiJson.Default.ProblemBody));
}
