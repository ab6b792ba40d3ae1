namespace Flick.Api.Auth;

/// <summary>The roles, each including the ones below it: viewer &lt; operator &lt; admin.</summary>
public static class ApiRoles
{
    public const string Viewer = "viewer";
    public const string Operator = "operator";
    public const string Admin = "admin";

    /// <summary>From the least to the most allowed.</summary>
    public static IReadOnlyList<string> Ordered { get; } = [Viewer, Operator, Admin];

    public static bool IsValid(string? role) => role is not null && Ordered.Contains(role, StringComparer.Ordinal);

    /// <summary>The roles that may do what <paramref name="role"/> may do: it and those above it.</summary>
    public static string[] AtLeast(string role)
    {
        var index = Ordered.ToList().IndexOf(role);
        if (index < 0)
        {
            throw new ArgumentException($"'{role}' is not a role", nameof(role));
        }

        return Ordered.Skip(index).ToArray();
    }

    /// <summary>The most allowed of <paramref name="roles"/>, or null when none is a role (Cognito users may be in several groups).</summary>
    public static string? Highest(IEnumerable<string> roles) =>
        roles.Where(IsValid).OrderByDescending(r => Ordered.ToList().IndexOf(r)).FirstOrDefault();
}
