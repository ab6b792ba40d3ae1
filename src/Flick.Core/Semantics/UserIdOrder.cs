namespace Flick.Core.Semantics;

/// <summary>
/// Rows kept in user id order (ordinal), the order of a slot's observations (see <see cref="SlotContent"/>).
/// Rows derived from a slot come in that order already, so they are checked, and sorted only when
/// they are not.
/// </summary>
public static class UserIdOrder
{
    public static void Ensure<T>(Span<T> rows, Func<T, string> userId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        for (var i = 1; i < rows.Length; i++)
        {
            if (string.CompareOrdinal(userId(rows[i - 1]), userId(rows[i])) > 0)
            {
                rows.Sort((a, b) => string.CompareOrdinal(userId(a), userId(b)));
                return;
            }
        }
    }
}
