using Flick.Api.Http;

namespace Flick.Api.Input;

/// <summary>Collects every bad input of a request, so that one 400 names them all.</summary>
public sealed class InputErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            list = [];
            _errors[field] = list;
        }

        list.Add(message);
    }

    public ApiError ToError() =>
        new(StatusCodes.Status400BadRequest, "Invalid request", string.Join(" ", _errors.SelectMany(e => e.Value)),
            _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
}
