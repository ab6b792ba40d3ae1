using System.Collections.Concurrent;
using System.Security.Claims;

namespace Flick.Api.Auth;

/// <summary>
/// Bearer tokens that passed full validation, kept until they expire, so that a client's next
/// requests skip decoding and checking the signature again (the most expensive part of a cached
/// read). An entry is found only by the whole token, signature included: a token whose header or
/// payload differs in any byte is a different key and is validated in full. Bounded: when full,
/// expired entries go, and if that is not enough, all of them (they are only a shortcut).
/// </summary>
public sealed class ValidatedTokenCache(TimeProvider clock, int capacity = ValidatedTokenCache.DefaultCapacity)
{
    public const int DefaultCapacity = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    /// <summary>The principal a token validated to, while the token has not expired.</summary>
    public bool TryGet(string token, out Entry entry)
    {
        ArgumentNullException.ThrowIfNull(token);
        return TryGet(token.AsSpan(), out entry);
    }

    /// <summary>
    /// <see cref="TryGet(string, out Entry)"/> for a token that is part of a longer text (the
    /// Authorization header): it is looked up where it is, without a copy per request.
    /// </summary>
    public bool TryGet(ReadOnlySpan<char> token, out Entry entry)
    {
        var lookup = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(token, out var key, out entry!))
        {
            if (clock.GetUtcNow() < entry.Expires)
            {
                return true;
            }

            _entries.TryRemove(key, out _);
        }

        entry = null!;
        return false;
    }

    public void Add(string token, ClaimsPrincipal principal, DateTimeOffset expires)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(principal);
        var now = clock.GetUtcNow();
        if (expires <= now)
        {
            return;
        }

        if (_entries.Count >= capacity)
        {
            foreach (var (key, value) in _entries)
            {
                if (value.Expires <= now)
                {
                    _entries.TryRemove(key, out _);
                }
            }

            if (_entries.Count >= capacity)
            {
                _entries.Clear();
            }
        }

        _entries[token] = new Entry(principal, expires);
    }

    /// <summary>A validated token: its principal, and the principal last built from it with the user's current role.</summary>
    public sealed class Entry(ClaimsPrincipal principal, DateTimeOffset expires)
    {
        public ClaimsPrincipal Principal { get; } = principal;

        public DateTimeOffset Expires { get; } = expires;

        /// <summary>Set and read without a lock: a race only builds the same principal twice.</summary>
        public (string Role, ClaimsPrincipal Principal)? WithRole { get; set; }
    }
}
