using Microsoft.Extensions.Configuration;

namespace Flick.Api.Options;

/// <summary>The API's settings, bound once from configuration (section <c>Flick:Api</c>) and validated at start.</summary>
public sealed class FlickApiOptions
{
    public const string Section = "Flick:Api";

    /// <summary>Where Flick.Local serves the API and the dashboard.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public string Url { get; set; } = DefaultUrl;

    /// <summary>A Redis address (<c>host:port</c>, <c>redis://…</c> or a StackExchange.Redis configuration string); none means an in-process cache.</summary>
    public string? Redis { get; set; }

    /// <summary>Where users, webhooks and the token signing key are kept; none keeps them in memory (tests).</summary>
    public string? DataDirectory { get; set; }

    public ApiAuthMode Auth { get; set; } = ApiAuthMode.Local;

    public CognitoOptions Cognito { get; set; } = new();

    /// <summary>How long a token Flick issues stays valid.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The largest request body accepted.</summary>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    public CacheOptions Cache { get; set; } = new();

    public RateLimitOptions RateLimits { get; set; } = new();

    public WebhookOptions Webhooks { get; set; } = new();

    /// <summary>Trusted proxies whose X-Forwarded-For gives the client's address (rate limits, logs); none by default.</summary>
    public ForwardedHeaderSettings ForwardedHeaders { get; set; } = new();

    /// <summary>
    /// Binds <see cref="Section"/>; the Redis address comes from <c>REDIS_URL</c> or <c>Flick:Redis</c> when the section has none.
    /// From the environment, a setting is <c>Flick__Api__Cache__Enabled=false</c>, <c>Flick__Api__RateLimits__PerUserPerMinute=…</c>.
    /// </summary>
    public static FlickApiOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new FlickApiOptions();
        configuration.GetSection(Section).Bind(options);
        options.Redis ??= NullIfBlank(configuration["REDIS_URL"]) ?? NullIfBlank(configuration["Flick:Redis"]);
        return options;
    }

    /// <summary>Every problem of the settings at once.</summary>
    public IEnumerable<string> Problems()
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            yield return $"Url must be an absolute http(s) URL (was '{Url}')";
        }

        if (Auth == ApiAuthMode.Cognito && (string.IsNullOrWhiteSpace(Cognito.Authority) || string.IsNullOrWhiteSpace(Cognito.Audience)))
        {
            yield return "Cognito mode needs Cognito:Authority and Cognito:Audience";
        }

        if (TokenLifetime <= TimeSpan.Zero || TokenLifetime > TimeSpan.FromDays(7))
        {
            yield return "TokenLifetime must be within (0, 7 days]";
        }

        if (MaxRequestBodyBytes is < 1024 or > 16 * 1024 * 1024)
        {
            yield return "MaxRequestBodyBytes must be within 1 KiB..16 MiB";
        }

        if (Cache.RedisTimeout <= TimeSpan.Zero || Cache.BreakDuration <= TimeSpan.Zero || Cache.Expiration <= TimeSpan.Zero || Cache.LocalExpiration <= TimeSpan.Zero)
        {
            yield return "Cache durations must be positive";
        }

        if (RateLimits.PerUserPerMinute < 1 || RateLimits.PerAddressPerMinute < 1 || RateLimits.TokenPerAddressPerMinute < 1)
        {
            yield return "RateLimits must be positive";
        }

        foreach (var problem in ForwardedHeaders.Problems())
        {
            yield return problem;
        }

        if (Webhooks.MaxAttempts is < 1 or > 20 || Webhooks.BaseDelay < TimeSpan.Zero || Webhooks.Timeout <= TimeSpan.Zero || Webhooks.LogSize < 1)
        {
            yield return "Webhooks: MaxAttempts within 1..20, BaseDelay not negative, Timeout and LogSize positive";
        }
    }

    /// <summary>Throws with every problem at once, so that a bad configuration fails at start.</summary>
    public void Validate()
    {
        var problems = Problems().ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Invalid API configuration: " + string.Join("; ", problems));
        }
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
