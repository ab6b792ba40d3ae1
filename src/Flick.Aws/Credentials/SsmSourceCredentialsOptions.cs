namespace Flick.Aws.Credentials;

/// <summary>
/// Where <see cref="SsmSourceCredentials"/> finds a source's credentials in SSM Parameter Store:
/// <c>{Root}/{Stage}/sources/{source}/client-id</c> and <c>{Root}/{Stage}/sources/{source}/token</c>
/// (both SecureString), e.g. <c>/flick/prod/sources/helix/client-id</c>.
/// </summary>
public sealed record SsmSourceCredentialsOptions
{
    public const string ClientIdParameter = "client-id";
    public const string TokenParameter = "token";

    /// <summary>The deployment stage (<c>dev</c>, <c>prod</c>), the second segment of every name.</summary>
    public required string Stage { get; init; }

    public string Root { get; init; } = "/flick";

    /// <summary>How long a source's credentials (or their absence) are kept before Parameter Store is asked again.</summary>
    public TimeSpan CacheTtl { get; init; } = TimeSpan.FromMinutes(5);

    public string ClientIdName(string source) => $"{SourcePrefix(source)}/{ClientIdParameter}";

    public string TokenName(string source) => $"{SourcePrefix(source)}/{TokenParameter}";

    /// <exception cref="ArgumentException">A value is missing, malformed or out of range.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Stage, nameof(Stage));
        ArgumentException.ThrowIfNullOrWhiteSpace(Root, nameof(Root));
        if (!Root.StartsWith('/') || Root.EndsWith('/'))
        {
            throw new ArgumentException($"The root '{Root}' must start with '/' and not end with one.", nameof(Root));
        }

        if (!IsNameSegment(Stage))
        {
            throw new ArgumentException($"The stage '{Stage}' may hold only letters, digits, '.', '-' and '_'.", nameof(Stage));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(CacheTtl, TimeSpan.Zero, nameof(CacheTtl));
    }

    /// <summary>Whether <paramref name="segment"/> can stand between two slashes of a parameter name.</summary>
    internal static bool IsNameSegment(string segment) =>
        segment.Length > 0 && segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');

    private string SourcePrefix(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!IsNameSegment(source))
        {
            throw new ArgumentException($"The source '{source}' may hold only letters, digits, '.', '-' and '_'.", nameof(source));
        }

        return $"{Root}/{Stage}/sources/{source}";
    }
}
