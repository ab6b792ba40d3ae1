using StackExchange.Redis;

namespace Flick.Api.Caching;

/// <summary>Reads the Redis address forms the API accepts: <c>redis://[:password@]host:port</c>, <c>rediss://…</c> (TLS), or a StackExchange.Redis configuration string.</summary>
public static class RedisAddress
{
    public static ConfigurationOptions Parse(string address)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        if (!address.StartsWith("redis://", StringComparison.OrdinalIgnoreCase) && !address.StartsWith("rediss://", StringComparison.OrdinalIgnoreCase))
        {
            return ConfigurationOptions.Parse(address);
        }

        var uri = new Uri(address);
        var options = new ConfigurationOptions { Ssl = uri.Scheme.Equals("rediss", StringComparison.OrdinalIgnoreCase) };
        options.EndPoints.Add(uri.Host, uri.IsDefaultPort ? 6379 : uri.Port);
        if (uri.UserInfo.Length > 0)
        {
            var parts = Uri.UnescapeDataString(uri.UserInfo).Split(':', 2);
            if (parts.Length == 2)
            {
                options.User = parts[0].Length > 0 ? parts[0] : null;
                options.Password = parts[1];
            }
            else
            {
                options.Password = parts[0];
            }
        }

        return options;
    }
}
