using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Flick.Pipeline.Functions;

/// <summary>A function whose payload and result are one source-generated JSON type each.</summary>
public abstract class JsonFunction<TIn, TOut>(JsonTypeInfo<TIn> input, JsonTypeInfo<TOut> output) : IFunctionHandler
    where TIn : class
{
    public abstract string Name { get; }

    public async Task<string> InvokeAsync(string payload, CancellationToken cancellationToken)
    {
        TIn? request;
        try
        {
            request = JsonSerializer.Deserialize(payload, input);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{Name}: the payload is not a valid {typeof(TIn).Name}: {e.Message}", e);
        }

        if (request is null)
        {
            throw new InvalidDataException($"{Name}: the payload is null");
        }

        var result = await HandleAsync(request, cancellationToken);
        return JsonSerializer.Serialize(result, output);
    }

    protected abstract Task<TOut> HandleAsync(TIn request, CancellationToken cancellationToken);
}
