namespace Flick.Local.StateMachine;

/// <summary>A fixed table of task resources, filled at composition time.</summary>
public sealed class TaskResourceRegistry : ITaskResourceResolver
{
    private readonly Dictionary<string, Func<string, CancellationToken, Task<string>>> _invokers = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Resources => _invokers.Keys;

    /// <exception cref="ArgumentException">The resource is already registered.</exception>
    public TaskResourceRegistry Add(string resource, Func<string, CancellationToken, Task<string>> invoker)
    {
        ArgumentException.ThrowIfNullOrEmpty(resource);
        ArgumentNullException.ThrowIfNull(invoker);
        if (!_invokers.TryAdd(resource, invoker))
        {
            throw new ArgumentException($"The task resource '{resource}' is already registered.", nameof(resource));
        }

        return this;
    }

    public Func<string, CancellationToken, Task<string>>? Resolve(string resource) =>
        _invokers.GetValueOrDefault(resource);
}
