namespace Flick.Pipeline.Functions;

/// <summary>Finds a function by its <c>_HANDLER</c> name.</summary>
public sealed class FunctionRegistry(IEnumerable<IFunctionHandler> functions)
{
    private readonly Dictionary<string, IFunctionHandler> _byName = functions.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public IFunctionHandler Get(string name) =>
        _byName.TryGetValue(name, out var function)
            ? function
            : throw new KeyNotFoundException($"no function named '{name}'; known: {string.Join(", ", _byName.Keys.Order(StringComparer.Ordinal))}");

    public IReadOnlyCollection<string> Names => _byName.Keys;
}
